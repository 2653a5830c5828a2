#!/usr/bin/env python3
"""Writes reply-catalog/cues/system-catalogs.json: cue terms read from the Linux-PAM and GNU libc translations
installed on Debian 12 (/usr/share/locale/*/LC_MESSAGES/{Linux-PAM,libc,gnupg2,git}.mo: packages libpam-runtime
1.5.2-6, libc-l10n 2.36-9, gnupg-l10n 2.2.40-1.1, git 2.39.5), and the other packages named in PACKAGE, such as
GLib, GTK 2, gdk-pixbuf and at-spi2 for Albanian). Each term was picked by hand from a translation of the msgids named per concept below; the script
checks that the term really occurs in that translation and records which one as the term's source.
A term starting with '~' may start inside a word (compounds). Run: python3 system-catalogs.py OUT.json"""
import gettext, json, os, sys

PAM = 'Linux-PAM'
LIBC = 'libc'
GNUPG = 'gnupg2'
GIT = 'git'
COREUTILS = 'coreutils'
SHADOW = 'shadow'
SED = 'sed'
GREP = 'grep'
LIBPQ = 'libpq5-15'
MAKE = 'make'
PSMISC = 'psmisc'
PSQL = 'psql-15'
APT = 'apt'
APTPKG = 'libapt-pkg6.0'
SYSTEMD = 'systemd'
BINUTILS = 'binutils'
BASH = 'bash'
DPKG = 'dpkg'
GLIB = 'glib20'
BFD = 'bfd'
WGET = 'wget'
GSTREAMER = 'gstreamer-1.0'
GTK = 'gtk20'
GTKP = 'gtk20-properties'
PIXBUF = 'gdk-pixbuf'
ATSPI = 'at-spi2-core'
GAS = 'gas'
FINDUTILS = 'findutils'
PACKAGEKIT = 'PackageKit'
LFTP = 'lftp'
GNUTLS = 'gnutls30'
PACKAGE = {SYSTEMD: 'systemd 252.38-1~deb12u1', APTPKG: 'libapt-pkg6.0 2.6.1', PAM: 'libpam-runtime 1.5.2-6', LIBC: 'libc-l10n 2.36-9', GNUPG: 'gnupg-l10n 2.2.40-1.1', GIT: 'git 2.39.5',
           COREUTILS: 'coreutils 9.1-1', SHADOW: 'passwd 4.13', SED: 'sed 4.9-1', GREP: 'grep 3.8-5',
           LIBPQ: 'libpq5 15.18', MAKE: 'make 4.3-4.1', PSMISC: 'psmisc 23.6-1', PSQL: 'postgresql-client-15 15.18',
           APT: 'apt 2.6.1', BINUTILS: 'binutils 2.40', BASH: 'bash 5.2.15',
           DPKG: 'dpkg 1.21.22', GLIB: 'libglib2.0-data 2.74.6-2+deb12u8', BFD: 'binutils-common 2.40-2',
           WGET: 'wget 1.21.3-1+deb12u1', GSTREAMER: 'libgstreamer1.0-0 1.22.0-2+deb12u1',
           GTK: 'libgtk2.0-common 2.24.33-2+deb12u1', GTKP: 'libgtk2.0-common 2.24.33-2+deb12u1',
           PIXBUF: 'libgdk-pixbuf2.0-common 2.42.10+dfsg-1+deb12u2', ATSPI: 'at-spi2-common 2.46.0-5', GAS: 'binutils-common 2.40-2', FINDUTILS: 'findutils 4.9.0-4', PACKAGEKIT: 'packagekit 1.2.6-5+deb12u1', LFTP: 'lftp 4.9.2-2+b1', GNUTLS: 'libgnutls30 3.7.9-2+deb12u6'}
CONCEPTS = {
    'FROM_ADDRESS': [(GIT, 'What to do with this address? ([q]uit|[d]rop|[e]dit): ')],
    'FOR_ACCOUNT': [(PAM, 'Your account has expired; please contact your system administrator.')],
    'NOT_EMPTY': [(LIBC, 'Directory not empty')],
    'DISK': [(APTPKG, 'No apport report written because the error message indicates a disk full error'), (LIBC, 'No space left on device')],
    'NO_SPACE': [(APTPKG, 'No apport report written because the error message indicates a disk full error')],
    'FULL': [(APTPKG, 'No apport report written because the error message indicates a disk full error')],
    'WEAK': [(ATSPI, 'weak'), (LIBC, 'Client credential too weak')],
    'UNKNOWN_COMMAND': [(BASH, "%s: command not found")],
    'SYNTAX': [(GIT, 'malformed value for %s'), (APT, 'Configuration options and syntax is detailed in apt.conf(5).\nInformation about how to configure sources can be found in sources.list(5).\nPackage and version choices can be expressed via apt_preferences(5).\nSecurity details are available in apt-secure(8).\n'), (LIBC, "%s: option requires an argument -- '%c'\n")],
    'REQUIRED': [(LIBC, "%s: option requires an argument -- '%c'\n")],
    'EXISTS': [(LIBC, "File exists")],
    'ATTEMPTS': [(PAM, "Have exhausted maximum number of retries for service"), (SHADOW, "Maximum number of tries exceeded (%u)\n"),
                 (SHADOW, "Login       Failures Maximum Latest                   On\n"), (SHADOW, "%s: Failed to reset fail count for UID %lu\n"),
                 (PAM, ("There was %d failed login attempt since the last successful login.",
                        "There were %d failed login attempts since the last successful login."))],
    'DIRECTORY': [(SYSTEMD, "Authentication is required to delete files and directories associated with '$(unit)'."), (GLIB, 'Can’t create user MIME configuration folder %s: %s'), (LIBC, "Is a directory"), (LIBC, "Not a directory"), (LIBC, "No such file or directory"),
                  (LIBC, "Directory not empty"), (PAM, "Creating directory '%s'."),
                  (COREUTILS, "cannot change to directory %s")],
    'CANNOT': [(LIBC, "Cannot allocate memory"), (LIBC, "Cannot assign requested address"),
               (SED, "%s: can't read %s: %s\n"), (GREP, "unable to record current working directory"),
               (LIBPQ, "could not acquire SSPI credentials"),
               (LIBC, "could not start clean-up thread; terminating"), (PSQL, "command not found"),
               (APT, "Cannot initiate the connection to %s:%s (%s)."),
               (GLIB, "Temporarily unable to resolve “%s”"), (BFD, "%B: unable to create fake empty section"),
               (WGET, "Logically impossible section reached in getftp()"), (APT, "Some packages could not be authenticated"),
               (GNUPG, "could not parse keyserver URL\n"), (PAM, "Cannot make/remove an entry for the specified session"),
               (PAM, "Failed to load module"), (PAM, "Unable to create and initialize directory '%s'."),
               (PIXBUF, "Cannot allocate TGA header memory"),
               (GTK, "The program was not able to create a connection to the indexer daemon.  Please make sure it is running.")],
    'SAME': [(COREUTILS, "%s and %s are the same file"), (GLIB, "two named subpatterns have the same name"), (LIBC, "Object with same name exists"),
             (DPKG, "files '%.250s' and '%.250s' are not parts of the same file"), (MAKE, "target '%s' given more than once in the same rule"),
             (COREUTILS, "   crt           same as %s\n"), (BINUTILS, "Multiple DWO_NAMEs encountered for the same CU\n")],
    'USER': [(SHADOW, "%s: unknown user %s\n"), (GLIB, "Can't create user desktop file %s"), (GSTREAMER, "user rating"), (PAM, "User account has expired"), (PSMISC, "Cannot find user %s\n")],
    'TRUNCATED': [(LIBC, "%s: premature end of file"), (PIXBUF, "GIF image was truncated or incomplete.")],
    'WRITE': [(COREUTILS, "error writing %s"), (COREUTILS, "write error"), (PIXBUF, "Couldn't write to BMP file"), (PIXBUF, 'Error writing to image file: %s')],
    'DENIED': [(FINDUTILS, 'You may not use {} within the utility name for -execdir and -okdir, because this is a potential security problem.'),
               (GSTREAMER, 'specified empty bin "%s", not allowed'), (GLIB, 'repeating a DEFINE group is not allowed'),
               (GLIB, '\\C not allowed in lookbehind assertion'),
               (PIXBUF, "JPEG quality must be a value between 0 and 100; value '%d' is not allowed."),
               (DPKG, 'newlines prohibited in update-alternatives files (%s)')],
    'FILE_NAME': [(BASH, '/tmp must be a valid directory name')],
    'NOT_FOUND': [(GIT, 'No names found, cannot describe anything.'), (APT, 'File not found'), (LIBC, "No such file or directory"), (APT, "No packages found"), (GTK, "Path does not exist"), (GLIB, "Attribute '%s' of element '%s' not found")],
    'READ': [(SED, "%s: can't read %s: %s\n"), (GLIB, 'Could not allocate %lu bytes to read file "%s"'),
             (GTKP, "Reads the current value, or sets a new value"), (PIXBUF, "Cannot read XPM colormap"), (COREUTILS, "cannot read directory %s"), (COREUTILS, "error reading %s"),
             (LIBC, "cannot read header")],
    'TOO_LONG': [(GTK, 'Name too long'), (LIBC, "File name too long"), (LIBC, "Argument list too long"),
                 (DPKG, 'line too long or not terminated while trying to read %s'), (BFD, '   Error: The module name is too long\n')],
    'IO_ERROR': [(LIBC, "Input/output error"), (LIBC, "I/O error")],
    'ALREADY': [(GTKP, "Whether entered values must already be present in the list"), (LIBC, "Operation already in progress"), (LIBC, "Transport endpoint is already connected"), (LIBC, "Transport endpoint is already connected")],
    'BUSY': [(BASH, "register_alloc: alloc table is full with FIND_ALLOC?\n")],
    'FIRST': [(GNUPG, "Please correct the error first\n"), (GIT, "You need to resolve your current index first")],
    'PERMISSION': [(LIBC, "Operation not permitted"), (LIBC, "error: you do not have read permission for"), (COREUTILS, "%s has become inaccessible")],
    'EXPECTED': [(COREUTILS, "%s expected")],
    'NOT_IMPLEMENTED': [(GIT, 'Server does not support shallow clients'), (LFTP, 'this encoding is not supported'),
                        (GIT, '--unpacked=<packfile> no longer supported')],
    'SEQUENCE': [(MAKE, 'Makefile from standard input specified twice.')],
    'ABORTED': [(LFTP, 'Closing aborted data socket'), (APT, 'Abort.'), (GLIB, 'Operation was cancelled'), (BASH, 'Stopped'), (PACKAGEKIT, 'User aborted selection')],
    'TIMEOUT': [(LFTP, 'host name resolve timeout'), (GIT, 'interrupt transfer after <n> seconds of inactivity'),
                (LIBC, 'Timer expired'), (SHADOW, 'login time exceeded\n\n')],
    'LOCAL_ERROR': [(GAS, 'internal failure in parse_register_list'), (DPKG, 'out of memory for new error context'),
                    (COREUTILS, 'memory exhausted'), (GLIB, 'internal error'), (LIBC, 'Cannot allocate memory')],
    'TOO_MANY': [(GLIB, 'too many named subpatterns (maximum 10,000)'), (GLIB, 'DEFINE group contains more than one branch'),
                 (COREUTILS, '%s: file has shrunk too much')],
    'SESSIONS': [(ATSPI, "AT-SPI: Couldn't connect to bus: %s\n"), (ATSPI, "AT-SPI: Accessibility bus not found - Using session bus.\n"),
                 (GTK, "The program was not able to create a connection to the indexer daemon.  Please make sure it is running.")],
    'USERS': [(GTKP, "If TRUE, users can resize the window")],
    'FAILED': [(PIXBUF, 'Error reading ICNS image: %s'), (PAM, "%s failed: exit code %d"), (GLIB, "Failed to rename file '%s' to '%s': g_rename() failed: %s"), (SHADOW, "Warning: unknown group %s\n"),
               (PAM, "Failed to load module")],
    'CREDENTIALS': [(SHADOW, "Your password has expired."), (SHADOW, "Your login has expired.")],
    'DISABLED': [(SHADOW, "Your login has expired."), (SHADOW, "Your password is inactive."),
                 (GNUTLS, 'An algorithm that is not enabled was negotiated.')],
    'ANONYMOUS': [(GTK, "Connect _anonymously")],
    'NETWORK_ERROR': [(LIBC, "Connection refused"), (LIBC, "Connection timed out"), (LIBC, "Connection reset by peer"),
                      (LIBC, "No route to host"), (LIBC, "Network is unreachable")],
}
# A term starting with '~=' may start inside a word but must end one (Anmeldeversuche, not versuchen).
# A term starting with '=' matches whole words only: USER is the singular account word ("user", not "users"), where
# the language's singular differs from its plural; stems of languages with cases stay prefixes.
# language of the cue file -> (locales to read, {concept: [terms]})
SPEC = {
    'ro': (['ro'], {'PERMISSION': ['inaccesibil'], 'FOR_ACCOUNT': ['contul tău'], 'WEAK': ['slab'], 'UNKNOWN_COMMAND': ['comandă negăsită'], 'TRUNCATED': ['incomplet'], 'TOO_LONG': ['prea lung'], 'WRITE': ['scrier'], 'DIRECTORY': ['director', 'dosar'], 'SAME': ['același'], 'USER': ['utilizator'], 'CANNOT': ['nu am putut', 'nu se poate'], 'READ': ['citi']}),
    'en': (None, {'PERMISSION': ['inaccessible'], 'SEQUENCE': ['twice'], 'EXPECTED': ['expected'], 'SYNTAX': ['malformed'], 'NOT_IMPLEMENTED': ['does not support'], 'FROM_ADDRESS': ['this address'], 'FOR_ACCOUNT': ['your account'], 'NOT_EMPTY': ['not empty'], 'DISK': ['disk', '=device'], 'FULL': ['=full'], 'WEAK': ['weak'], 'UNKNOWN_COMMAND': ['command not found'], 'EXISTS': ['exists'], 'DENIED': ['may not use'], 'NOT_FOUND': ['no * found'], 'DISABLED': ['not enabled'], 'TOO_MANY': ['too much'], 'LOCAL_ERROR': ['internal failure', 'out of memory', 'memory exhausted', 'allocate mem'], 'WRITE': ['=write', 'writing'], 'READ': ['=read', 'reading'], 'SAME': ['same'], 'USER': ['=user'], 'TRUNCATED': ['incomplete', 'truncated', 'premature end'], 'ALREADY': ['already'], 'FIRST': ['first'], 'ATTEMPTS': ['attempt', 'retries', 'tries'], 'DIRECTORY': ['directory'], 'CANNOT': ['cannot', "can't", 'unable to', 'could not'],
                  'TOO_LONG': ['too long'], 'IO_ERROR': ['input/output error', 'i/o error'],
                  'NETWORK_ERROR': ['connection refused', 'connection timed out', 'connection reset by peer',
                                    'no route to host', 'network is unreachable']}),
    'de': (['de'], {'SEQUENCE': ['zweimal'], 'EXPECTED': ['erwartet'], 'FOR_ACCOUNT': ['ihr konto'], 'NOT_EMPTY': ['nicht leer'], 'DISK': ['festplatte'], 'FULL': ['voll'], 'WEAK': ['schwach'], 'UNKNOWN_COMMAND': ['kommando nicht gefunden'], 'EXISTS': ['existiert bereits'], 'NOT_FOUND': ['keine * gefunden'], 'WRITE': ['schreib'], 'READ': ['lesen', 'gelesen'], 'SAME': ['~selbe'], 'USER': ['benutzer'], 'TRUNCATED': ['unvollständig', 'unerwartetes ende'], 'ALREADY': ['bereits'], 'FIRST': ['zuerst'], 'ATTEMPTS': ['~=versuche', '~=versuch'], 'DIRECTORY': ['~verzeichnis'], 'CANNOT': ['kann * nicht', 'konnte * nicht'],
                    'TOO_LONG': ['zu lang'], 'IO_ERROR': ['eingabe-/ausgabefehler'],
                    'NETWORK_ERROR': ['verbindungsaufbau abgelehnt', 'wartezeit für die verbindung ist abgelaufen',
                                      'vom kommunikationspartner zurückgesetzt']}),
    'fr': (['fr'], {'PERMISSION': ['inaccessible'], 'SEQUENCE': ['deux fois'], 'EXPECTED': ['attendu'], 'FOR_ACCOUNT': ['votre compte'], 'NOT_EMPTY': ["n'est pas vide"], 'DISK': ['disque'], 'FULL': ['plein'], 'WEAK': ['faible'], 'UNKNOWN_COMMAND': ['commande introuvable'], 'REQUIRED': ['requiert'], 'EXISTS': ['=existe'], 'ABORTED': ['avorté'], 'NOT_FOUND': ['aucun * trouvé'], 'TIMEOUT': ['temps * dépassé'], 'LOCAL_ERROR': ['échec interne'], 'WRITE': ['écriture'], 'READ': ['lire', 'lecture'], 'SAME': ['même'], 'USER': ['=utilisateur'], 'TRUNCATED': ['incompl', 'tronqu', 'fin prématurée'], 'ALREADY': ['déjà'], 'FIRST': ["d'abord"], 'ATTEMPTS': ['tentative'], 'DIRECTORY': ['dossier', 'répertoire'], 'CANNOT': ['ne peut'],
                    'TOO_LONG': ['trop long'], 'IO_ERROR': ["erreur d'entrée/sortie"],
                    'NETWORK_ERROR': ['connexion refusée', 'expiration du délai', 'ré-initialisée par le correspondant']}),
    'es': (['es'], {'PERMISSION': ['inaccesible'], 'SEQUENCE': ['dos veces'], 'NOT_EMPTY': ['no está vacío'], 'DISK': ['disco'], 'FULL': ['lleno'], 'WEAK': ['débil'], 'UNKNOWN_COMMAND': ['orden no encontrada'], 'EXISTS': ['ya existe'], 'ALREADY': ['=ya'], 'NOT_FOUND': ['no se encontr'], 'LOCAL_ERROR': ['falla interna'], 'WRITE': ['escribir', 'escritura'], 'READ': ['leer'], 'SAME': ['mismo'], 'USER': ['=usuario'], 'TRUNCATED': ['incomplet', 'truncad', 'no esperado'], 'FIRST': ['primero'], 'ATTEMPTS': ['intento', 'reintento'], 'DIRECTORY': ['directorio'],
                    'CANNOT': ['no se pudo', 'no se puede', 'incapa'], 'TOO_LONG': ['demasiado larg'],
                    'IO_ERROR': ['error de entrada/salida'],
                    'NETWORK_ERROR': ['conexión rehusada', 'expiró el tiempo de conexión', 'conexión reinicializada']}),
    'it': (['it'], {'PERMISSION': ['inaccessibil'], 'SEQUENCE': ['due volte'], 'NOT_EMPTY': ['non vuota'], 'DISK': ['disco'], 'FULL': ['pieno'], 'WEAK': ['debole'], 'UNKNOWN_COMMAND': ['comando non trovato'], 'SYNTAX': ['argoment'], 'EXISTS': ['già esistente'], 'NOT_FOUND': ['nessun * trovat'], 'WRITE': ['scriv', 'scrittura'], 'DENIED': ['proibit'], 'READ': ['legg'], 'SAME': ['stesso'], 'USER': ['=utente'], 'TRUNCATED': ['incomplet', 'troncat', 'fine prematura'], 'ALREADY': ['già'], 'FIRST': ['prima'], 'ATTEMPTS': ['tentativ'], 'DIRECTORY': ['directory'], 'CANNOT': ['impossibile'],
                    'TOO_LONG': ['troppo lung'], 'IO_ERROR': ['errore di input/output'],
                    'NETWORK_ERROR': ['connessione rifiutata', 'connessione scaduta', 'connessione interrotta']}),
    'pt': (['pt', 'pt_BR'], {'SEQUENCE': ['duas vezes'], 'EXPECTED': ['esperado'], 'FOR_ACCOUNT': ['sua conta'], 'NOT_EMPTY': ['não vazio'], 'DISK': ['disco'], 'FULL': ['cheio'], 'WEAK': ['fraca', 'fraco'], 'UNKNOWN_COMMAND': ['comando não encontrado'], 'EXISTS': ['=existe'], 'PERMISSION': ['inacessível', 'não permitid'], 'NOT_FOUND': ['nenhum * encontrad'], 'TIMEOUT': ['tempo expirado'], 'WRITE': ['escrever', 'escrita'], 'READ': ['=ler'], 'SAME': ['mesmo'], 'USER': ['=utilizador', '=usuário'], 'TRUNCATED': ['incomplet', 'truncad', 'prematuro'], 'ALREADY': ['já', 'já'], 'FIRST': ['primeiro'], 'ATTEMPTS': ['tentativa'], 'DIRECTORY': ['pasta', 'diretório'],
                             'CANNOT': ['impossível', 'não foi possível', 'não posso'], 'TOO_LONG': ['muito long', 'muito grande'],
                             'IO_ERROR': ['erro de entrada/saída'],
                             'NETWORK_ERROR': ['ligação recusada', 'conexão recusada', 'tempo esgotado para conexão']}),
    'pl': (['pl'], {'SEQUENCE': ['dwukrotnie'], 'EXPECTED': ['spodziewan'], 'NOT_EMPTY': ['nie jest pusty'], 'DISK': ['dysk'], 'FULL': ['przepełnie'], 'WEAK': ['słab'], 'UNKNOWN_COMMAND': ['nie znaleziono polecenia'], 'EXISTS': ['istnieje'], 'NOT_FOUND': ['nie znaleziono'], 'WRITE': ['zapis'], 'READ': ['odczyt', 'przeczyta', 'czytani'], 'SAME': ['ten sam'], 'USER': ['użytkownik'], 'TRUNCATED': ['niekompletn', 'obcięt', 'przedwczesny'], 'ALREADY': ['już'], 'FIRST': ['najpierw'], 'ATTEMPTS': ['liczbę prób', 'nieudanych prób'], 'DIRECTORY': ['katalog'], 'CANNOT': ['nie można'],
                    'TOO_LONG': ['zbyt dług', 'za dług'], 'IO_ERROR': ['błąd wejścia/wyjścia'],
                    'NETWORK_ERROR': ['połączenie odrzucone', 'czas oczekiwania na połączenie', 'połączenie zerwane']}),
    'ru': (['ru'], {'SEQUENCE': ['дважды'], 'EXPECTED': ['ожидал'], 'NOT_EMPTY': ['не пуст'], 'WEAK': ['слаб'], 'UNKNOWN_COMMAND': ['команда не найдена'], 'EXISTS': ['существует'], 'ABORTED': ['остановлен', 'прерван'], 'FAILED': ['не удал'], 'NOT_FOUND': ['не найден'], 'TIMEOUT': ['лимит времени', 'простоя'], 'LOCAL_ERROR': ['внутренняя ошибка'], 'WRITE': ['запис'], 'READ': ['прочитать', 'чтени'], 'SAME': ['тот же'], 'USER': ['пользовател'], 'TRUNCATED': ['неполн', 'обрезан', 'преждевременный'], 'ALREADY': ['уже'], 'FIRST': ['сначала'], 'ATTEMPTS': ['попыток'], 'DIRECTORY': ['каталог', 'директори'], 'CANNOT': ['невозможно'],
                    'TOO_LONG': ['слишком длинн'], 'IO_ERROR': ['ошибка ввода/вывода'],
                    'NETWORK_ERROR': ['в соединении отказано', 'время ожидания соединения истекло', 'соединение разорвано']}),
    'ja': (['ja'], {'EXPECTED': ['期待されて'], 'NOT_EMPTY': ['空ではありません'], 'FILE_NAME': ['ディレクトリ名'], 'NO_SPACE': ['ディスクフル'], 'WEAK': ['弱'], 'UNKNOWN_COMMAND': ['コマンドが見つかりません'], 'EXISTS': ['存在します'], 'PERMISSION': ['許可されていない操作'], 'WRITE': ['書き込'], 'READ': ['読み'], 'SAME': ['同じ'], 'USER': ['ユーザ'], 'TRUNCATED': ['不完全', '早すぎ'], 'ALREADY': ['すでに', '既に'], 'FIRST': ['まず'], 'ATTEMPTS': ['試行'], 'DIRECTORY': ['ディレクトリ'], 'CANNOT': ['できません', 'られません'],
                    'TOO_LONG': ['長すぎ'], 'IO_ERROR': ['入力/出力エラー'],
                    'NETWORK_ERROR': ['接続を拒否されました', '接続がタイムアウトしました', '接続が相手からリセットされました']}),
    'ko': (['ko'], {'NOT_EMPTY': ['비어있지 않'], 'FILE_NAME': ['디렉터리 이름'], 'DISK': ['디스크'], 'FULL': ['가득 찼'], 'WEAK': ['약함', '취약'], 'NOT_FOUND': ['파일이 없'], 'UNKNOWN_COMMAND': ['명령어를 찾을 수 없'], 'PERMISSION': ['허용하지 않'], 'WRITE': ['쓰기', '쓰는'], 'READ': ['읽'], 'SAME': ['동일한', '같은'], 'USER': ['사용자', '유저'], 'TRUNCATED': ['불완전', '완결하지 않은'], 'ALREADY': ['이미'], 'ATTEMPTS': ['시도'], 'DIRECTORY': ['디렉터리', '디렉토리'], 'CANNOT': ['수 없습니다'],
                    'TOO_LONG': ['너무 깁', '너무 김', '너무 긴'], 'IO_ERROR': ['입력/출력 오류'],
                    'NETWORK_ERROR': ['연결이 거부됨', '연결 시간 초과', '상대편이 연결을 끊음']}),
    'zh': (['zh_CN', 'zh_TW'], {'NOT_IMPLEMENTED': ['不受支持', '不受支援'], 'EXPECTED': ['預期'], 'FOR_ACCOUNT': ['您的帐户'], 'NOT_EMPTY': ['非空'], 'DISK': ['磁盘'], 'FULL': ['已满'], 'WEAK': ['弱'], 'UNKNOWN_COMMAND': ['未找到命令'], 'EXISTS': ['已存在'], 'WRITE': ['写入'], 'NOT_FOUND': ['没有发现', '沒有此一檔案或目錄'], 'FILE_NAME': ['目录名'], 'READ': ['读取'], 'BUSY': ['已满'], 'SAME': ['同一'], 'USER': ['用户', '使用者'], 'TRUNCATED': ['不完整', '截断', '不完整', '未完成'], 'ALREADY': ['已经'], 'FIRST': ['请先', '要先', '請先'], 'ATTEMPTS': ['重试的', '尝试次数', '重試次數', '嘗試次數', '登录尝试', '試圖', '失败次数', '失敗次數'], 'DIRECTORY': ['目录', '目錄'],
                                'CANNOT': ['无法', '無法'], 'TOO_LONG': ['过长', '太長'],
                                'IO_ERROR': ['输入/输出错误', '輸入/輸出錯誤'],
                                'NETWORK_ERROR': ['拒绝连接', '连接超时', '连接被对方重设', '連線被拒絕', '連線超過時間']}),
    'bg': (['bg'], {'EXPECTED': ['очаква'], 'NOT_EMPTY': ['непразна'], 'WEAK': ['слаб'], 'FAILED': ['се провали'], 'UNKNOWN_COMMAND': ['командата не е открита'], 'SYNTAX': ['аргумент'], 'EXISTS': ['съществува'], 'TRUNCATED': ['непълн'], 'NOT_FOUND': ['няма намерени', 'не са открити'], 'WRITE': ['запис'], 'DENIED': ['забран'], 'ALREADY': ['вече'], 'FIRST': ['първо'], 'ATTEMPTS': ['опит'], 'DIRECTORY': ['директория'], 'CANNOT': ['не може'],
                    'TOO_LONG': ['твърде дълг'], 'IO_ERROR': ['входно-изходна грешка'],
                    'NETWORK_ERROR': ['отказано свързване', 'просрочена мрежова операция']}),
    'nl': (['nl'], {'SEQUENCE': ['dubbel opgegeven'], 'EXPECTED': ['verwacht'], 'FOR_ACCOUNT': ['je account'], 'NOT_EMPTY': ['niet leeg'], 'DISK': ['schijf'], 'FULL': ['vol'], 'WEAK': ['zwak'], 'UNKNOWN_COMMAND': ['opdracht niet gevonden'], 'EXISTS': ['bestaat al'], 'NOT_FOUND': ['geen * gevonden'], 'WRITE': ['schrijven'], 'READ': ['lezen'], 'SAME': ['hetzelfde', 'dezelfde'], 'USER': ['=gebruiker'], 'TRUNCATED': ['onvolledig', 'voortijdig'], 'ATTEMPTS': ['~poging'], 'DIRECTORY': ['map'], 'CANNOT': ['kan * niet', 'konden * niet'], 'TOO_LONG': ['te lang'],
                    'IO_ERROR': ['invoer-/uitvoerfout'],
                    'NETWORK_ERROR': ['verbinding is geweigerd', 'verbinding is verlopen', 'verbinding is weggevallen']}),
    'cs': (['cs'], {'SEQUENCE': ['dvakrát'], 'EXPECTED': ['očekáván'], 'FOR_ACCOUNT': ['váš účet'], 'NOT_EMPTY': ['není prázdný'], 'DISK': ['disk'], 'FULL': ['zaplněn'], 'WEAK': ['slab'], 'UNKNOWN_COMMAND': ['příkaz nenalezen'], 'EXISTS': ['již existuje'], 'ALREADY': ['=už'], 'WRITE': ['zápis'], 'READ': ['číst', 'přečíst', 'čtení'], 'SAME': ['tentýž', 'stejn'], 'USER': ['uživatel'], 'TRUNCATED': ['není úplný', 'předčasný'], 'FIRST': ['nejdřív'], 'ATTEMPTS': ['pokus'], 'DIRECTORY': ['adresář'], 'CANNOT': ['nelze'],
                    'TOO_LONG': ['příliš dlouh'], 'IO_ERROR': ['chyba vstupu/výstupu'],
                    'NETWORK_ERROR': ['spojení odmítnuto', 'spojení zrušeno druhou stranou']}),
    'sk': (['sk'], {'FOR_ACCOUNT': ['vášho účtu'], 'NOT_EMPTY': ['nie je prázdny'], 'DISK': ['disk'], 'FULL': ['zaplnen'], 'WEAK': ['slab'], 'UNKNOWN_COMMAND': ['príkaz nenájdený'], 'EXISTS': ['existuje'], 'ALREADY': ['=už'], 'WRITE': ['zápis'], 'READ': ['~čítať', 'čítaní'], 'SAME': ['ten istý', 'toho ist', 'rovnak'], 'USER': ['používateľ'], 'TRUNCATED': ['nie je úplný', 'predčasný'], 'FIRST': ['najskôr'], 'ATTEMPTS': ['pokus'], 'DIRECTORY': ['adresár'], 'CANNOT': ['nie je možné', 'schopn'],
                    'TOO_LONG': ['príliš dlh'], 'IO_ERROR': ['chyba vstupu/výstupu'],
                    'NETWORK_ERROR': ['spojenie odmietnuté', 'spojenie zrušené druhou stranou']}),
    'sv': (['sv'], {'SEQUENCE': ['angavs dubbelt'], 'EXPECTED': ['förväntade'], 'FOR_ACCOUNT': ['ditt konto'], 'NOT_EMPTY': ['inte tom'], 'NO_SPACE': ['diskutrymmet är slut'], 'WEAK': ['svag'], 'EXISTS': ['existerar'], 'NOT_FOUND': ['inga * hittades'], 'LOCAL_ERROR': ['internt fel'], 'WRITE': ['skriv'], 'SAME': ['samma'], 'USER': ['användare'], 'TRUNCATED': ['ofullständig', 'trunkerad', 'för tidigt'], 'ALREADY': ['redan'], 'FIRST': ['först'], 'ATTEMPTS': ['inloggningsförsök'], 'DIRECTORY': ['katalog'], 'CANNOT': ['kan inte', 'kan ej'],
                    'TOO_LONG': ['för lång'], 'IO_ERROR': ['in/ut-fel'],
                    'NETWORK_ERROR': ['förbindelsen förvägrad', 'förbindelsens tidsgräns löpte ut']}),
    'da': (['da'], {'SEQUENCE': ['to gange'], 'EXPECTED': ['forventet'], 'FOR_ACCOUNT': ['din konto'], 'NOT_EMPTY': ['ikke tomt'], 'DISK': ['disk'], 'FULL': ['fuld'], 'WEAK': ['svag'], 'UNKNOWN_COMMAND': ['kommando ikke fundet'], 'EXISTS': ['eksisterer'], 'NOT_FOUND': ['fandt ingen'], 'WRITE': ['skriv'], 'SAME': ['samme'], 'USER': ['=bruger'], 'TRUNCATED': ['ufuldstændig', 'for tidlig'], 'ALREADY': ['allerede'], 'FIRST': ['først'], 'ATTEMPTS': ['loginforsøg'], 'DIRECTORY': ['~katalog', 'mappe'], 'CANNOT': ['kan ikke'],
                    'TOO_LONG': ['for lang'], 'IO_ERROR': ['inddata/uddata-fejl'],
                    'NETWORK_ERROR': ['opkobling nægtet', 'overskred tidsgrænsen']}),
    'nb': (['nb'], {'EXPECTED': ['forventet'], 'FOR_ACCOUNT': ['din konto'], 'NOT_EMPTY': ['ikke tom'], 'DISK': ['disk'], 'FULL': ['full'], 'WEAK': ['svak'], 'EXISTS': ['eksisterer'], 'WRITE': ['skriving'], 'SAME': ['samme'], 'USER': ['=bruker'], 'TRUNCATED': ['ukomplett', 'for tidlig'], 'ALREADY': ['allerede'], 'FIRST': ['først'], 'ATTEMPTS': ['innloggingsforsøk'], 'DIRECTORY': ['~katalog'], 'CANNOT': ['kan ikke'],
                    'TOO_LONG': ['for lang'], 'IO_ERROR': ['inn/ut-feil'],
                    'NETWORK_ERROR': ['oppkobling nektes', 'overskred tidsgrensen']}),
    'hu': (['hu'], {'EXPECTED': ['várt'], 'SYNTAX': ['szintax'], 'NOT_EMPTY': ['nem üres'], 'DISK': ['lemez'], 'FULL': ['megtelt'], 'WEAK': ['gyenge'], 'UNKNOWN_COMMAND': ['parancs nem található'], 'EXISTS': ['már létezik'], 'TRUNCATED': ['nem teljes'], 'NOT_FOUND': ['nem találhat'], 'WRITE': ['írás'], 'READ': ['olvas'], 'SAME': ['ugyanaz', 'ugyana'], 'USER': ['felhasználó'], 'ALREADY': ['már'], 'FIRST': ['előbb'], 'ATTEMPTS': ['~próbálkozás', 'kísérlet'], 'DIRECTORY': ['könyvtár'],
                    'CANNOT': ['nem sikerült', 'lehetetlen'], 'TOO_LONG': ['túl hosszú'], 'IO_ERROR': ['kimeneti/bemeneti hiba'],
                    'NETWORK_ERROR': ['kapcsolat elutasítva', 'időtúllépés a kapcsolatban']}),
    'tr': (['tr'], {'SEQUENCE': ['iki kez'], 'EXPECTED': ['bekleniyor'], 'PERMISSION': ['yetki * yok'], 'NOT_EMPTY': ['boş değil'], 'DISK': ['disk'], 'FULL': ['dolu'], 'WEAK': ['zayıf'], 'ABORTED': ['vazgeç'], 'TRUNCATED': ['tamamlanmamış'], 'WRITE': ['yazma', 'yazarken'], 'CANNOT': ['okunam', '~amıyor', '~emiyor', '~amadı', '~emedi'], 'READ': ['okun'], 'SAME': ['aynı'], 'USER': ['kullanıcı'], 'ALREADY': ['zaten'], 'ATTEMPTS': ['deneme'], 'DIRECTORY': ['dizin', 'klasör'], 'TOO_LONG': ['çok uzun'],
                    'IO_ERROR': ['girdi/çıktı hatası'], 'NETWORK_ERROR': ['bağlantı reddedildi', 'bağlantıda zaman aşımı']}),
    'uk': (['uk'], {'SEQUENCE': ['двічі'], 'NOT_EMPTY': ['непорожн'], 'UNKNOWN_COMMAND': ['команду не знайдено'], 'EXISTS': ['вже існує'], 'LOCAL_ERROR': ['внутрішня помилка'], 'WRITE': ['запис'], 'SAME': ['той самий'], 'USER': ['користувач'], 'TRUNCATED': ['незавершен', 'передчасне'], 'ALREADY': ['вже'], 'FIRST': ['спочатку'], 'ATTEMPTS': ['спроб'], 'DIRECTORY': ['каталог'], 'CANNOT': ['не вдалося'],
                    'TOO_LONG': ['занадто довг'], 'IO_ERROR': ['помилка введення-виведення'],
                    'NETWORK_ERROR': ["у з'єднанні відмовлено"]}),
    'fi': (['fi'], {'SEQUENCE': ['kahdesti'], 'NOT_EMPTY': ['ei ole tyhjä'], 'WEAK': ['heikko'], 'UNKNOWN_COMMAND': ['komentoa ei löydy'], 'EXISTS': ['on olemassa'], 'LOCAL_ERROR': ['sisäinen häiriö'], 'WRITE': ['kirjoit'], 'SAME': ['sama'], 'USER': ['käyttäjä'], 'TRUNCATED': ['vaillinai', 'ennenaikainen'], 'FIRST': ['ensin'], 'ATTEMPTS': ['~yrity'], 'DIRECTORY': ['hakemisto'], 'CANNOT': ['ei onnistu', 'ei voi'],
                    'TOO_LONG': ['liian pitkä'], 'IO_ERROR': ['i/o-virhe'],
                    'NETWORK_ERROR': ['yhteys torjuttu', 'yhteys aikakatkaistu']}),
    'ca': (['ca'], {'PERMISSION': ['inaccessible'], 'FOR_ACCOUNT': ['vostre compte'], 'NOT_EMPTY': ['no és buit'], 'DISK': ['disc'], 'FULL': ['ple'], 'WEAK': ['dèbil'], 'EXISTS': ['ja existeix'], 'WRITE': ['escriptura', 'escriure'], 'SAME': ['mateix'], 'USER': ['=usuari'], 'TRUNCATED': ['incomplet', 'prematur'], 'FIRST': ['primer'], 'ATTEMPTS': ['=intents'], 'DIRECTORY': ['directori'], 'CANNOT': ["no s’ha pogut"],
                    'TOO_LONG': ['massa llarg'], 'IO_ERROR': ['error d’entrada/sortida'],
                    'NETWORK_ERROR': ['s’ha refusat la connexió', 'la connexió ha expirat']}),
    'sq': (['sq'], {'WRITE': ['shkrimi'], 'ABORTED': ['anullua'], 'TRUNCATED': ['jo e plotë'], 'TOO_MANY': ['tepër', 'maksimum', 'më shumë se'], 'SESSIONS': ['lidhj', 'seanc'], 'USER': ['përdorues'],
                    'USERS': ['përdorues'], 'SAME': ['njëjt'], 'CANNOT': ['pamundur', 'nuk mund'], 'READ': ['lexu', 'lexo', 'lexim'],
                    'NOT_FOUND': ['nuk u gjet', 'nuk ekziston'], 'DENIED': ['nuk lejohet', 'palejuar', 'nuk është e lejuar'],
                    'FAILED': ['dështoi', 'panjohur', 'gabim'], 'CREDENTIALS': ['fjalëkalim', 'login'], 'DISABLED': ['skaduar', 'nuk është aktiv'],
                    'ANONYMOUS': ['anonim'], 'ALREADY': ['tashmë'],
                    'LOCAL_ERROR': ['gabim i brendshëm'], 'TOO_LONG': ['tepër * gjatë']}),
    'el': (['el'], {'NOT_EMPTY': ['δεν είναι κενός'], 'WEAK': ['αδύναμ'], 'UNKNOWN_COMMAND': ['εντολή δεν βρέθηκε'], 'EXISTS': ['υπάρχει'], 'WRITE': ['εγγραφ'], 'USER': ['χρήστης'], 'TRUNCATED': ['ατελ', 'πρόωρο'], 'ALREADY': ['ήδη'], 'FIRST': ['πρώτα'], 'DIRECTORY': ['κατάλογος'], 'CANNOT': ['δεν είναι δυνατ'], 'TOO_LONG': ['πολύ μεγάλο', 'πολύ μακρ'],
                    'IO_ERROR': ['σφάλμα εισόδου/εξόδου'], 'NETWORK_ERROR': ['απόρριψη σύνδεσης', 'λήξη σύνδεσης']}),
}


def catalog(locale, domain):
    path = '/usr/share/locale/%s/LC_MESSAGES/%s.mo' % (locale, domain)
    return gettext.GNUTranslations(open(path, 'rb')) if os.path.exists(path) else None


def translate(t, msgid):
    return t.ngettext(msgid[0], msgid[1], 5) if isinstance(msgid, tuple) else t.gettext(msgid)


def source_of(lang, locales, concept, word):
    for domain, msgid in CONCEPTS[concept]:
        english = msgid[1] if isinstance(msgid, tuple) else msgid
        if lang == 'en':
            if all(p.strip() in english.lower() for p in word.split('*')):
                return "%s msgid '%s' (the English original, Debian 12 %s)" % (domain, english, PACKAGE[domain])
            continue
        for loc in locales:
            t = catalog(loc, domain)
            if t is None:
                continue
            text = translate(t, msgid)
            parts = [p.strip() for p in word.split('*')]
            if text != english and all(p in text.lower() for p in parts):
                return "%s.mo (Debian 12 %s) %s: '%s' -> '%s'" % (domain, PACKAGE[domain], loc, english, text)
    raise SystemExit('no source for %s %s %s' % (lang, concept, word))


def check_no_repeated_concepts():
    """A concept named twice in one language's dict literal would silently lose the first list: refuse."""
    import ast
    for node in ast.walk(ast.parse(open(__file__, encoding='utf-8').read())):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated = sorted({k for k in keys if keys.count(k) > 1})
            if repeated:
                raise SystemExit('line %d: %s named twice in one dict' % (node.lineno, ', '.join(repeated)))


def main(out):
    check_no_repeated_concepts()
    lexicons = []
    for lang, (locales, concepts) in SPEC.items():
        entries = {}
        for concept, words in concepts.items():
            for w in words:
                word = w.lstrip('~=')
                e = {'term': word, 'source': source_of(lang, locales, concept, word)}
                if '~' in w[:2]:
                    e['anywhere'] = True
                if '=' in w[:2]:
                    e['word'] = True
                entries.setdefault(concept, []).append(e)
        lexicons.append({'lang': lang, 'concepts': entries})
    doc = {'description': 'Cue terms read from the system message catalogs of Debian 12 (Linux-PAM 1.5.2 and GNU libc '
                          '2.36 translations), made by tools/system-catalogs.py: ATTEMPTS, DIRECTORY, CANNOT, TOO_LONG, '
                          'IO_ERROR, NETWORK_ERROR and READ, and words of other concepts that a language lacked. Each term names the msgid and translation it was read from. '
                          "'anywhere': the term may start inside a word (compounds such as Anmeldeversuche).",
           'lexicons': lexicons}
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(sum(len(v) for l in lexicons for v in l['concepts'].values()), 'terms')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'system-catalogs.json')
