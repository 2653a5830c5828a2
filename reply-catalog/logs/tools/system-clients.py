#!/usr/bin/env python3
"""Writes reply-catalog/logs/libc-errors.tsv, lftp-errors.tsv and wget-messages.tsv from the translations
installed on Debian 12:
GNU libc's messages for what happened to a connection (libc-l10n 2.36: 'Connection refused', 'Connection timed out',
...), which every client prints in the user's language when it reports a system error (lftp, wget, tnftp, Python),
lftp's own error prefixes (lftp 4.9.2: 'Login failed', 'Access failed: ', 'Fatal error'), and GNU Wget's lines that
restate a failed reply (wget 1.21.3 src/ftp.c: 'Login incorrect.', 'No such file %s.', ...), which are all Wget prints
of a failure without -d.
`ftp-doctor analyze` reads the logs of clients run in another language by them.

Run: python3 system-clients.py OUT_DIR   (reads /usr/share/locale/*/LC_MESSAGES/{libc,lftp,wget}.mo)"""
import glob, gettext, os, sys

LIBC = {'Connection refused': ('REFUSED', 'no'),
        'Connection timed out': ('TIMED_OUT', ''),
        'Connection reset by peer': ('RESET', ''),
        'No route to host': ('UNREACHABLE', 'no'),
        'Network is unreachable': ('UNREACHABLE', 'no'),
        'Name or service not known': ('UNKNOWN_HOST', 'no'),
        'Temporary failure in name resolution': ('UNKNOWN_HOST', 'no')}
# GNU Wget 1.21.3 src/ftp.c getftp(): the line it prints for a failed reply, the reply code it stands for and the
# command answered. FTPLOGINC: PASS not answered 2xx; FTPLOGREFUSED: USER answered neither 2xx nor 3xx (ftp-basic.c
# ftp_login); FTPSRVERR in get_ftp_greeting(): a greeting that is not 2xx (most often 421, RFC 959 §4.2); FTPNSFOD:
# 550 to CWD ('No such directory'), to RETR ('No such file', also printed by --spider for a file not in the listing)
# and to LIST ('No such file or directory'). FTPRERR: a reply could not be read, the control connection is gone
# ('Error in server response, closing control connection.': an event, CLOSED). get_ftp_greeting() prints its line
# untranslated ('Error in server response. Closing.'): the greeting was negative or could not be read.
WGET = {'Login incorrect.\n': ('530', 'PASS'),
        'Error in server response. Closing.\n': ('421', 'CONNECT'),
        'Error in server response, closing control connection.\n': ('CLOSED', ''),
        'The server refuses login.\n': ('530', 'USER'),
        'Error in server greeting.\n': ('421', 'CONNECT'),
        'No such directory %s.\n\n': ('550', 'CWD'),
        'No such file %s.\n\n': ('550', 'RETR'),
        'No such file %s.\n': ('550', 'RETR'),
        'No such file or directory %s.\n\n': ('550', 'LIST')}
LFTP = {'Login failed': 'Login failed', 'Access failed: ': 'Access failed', 'Fatal error': 'Fatal error'}
# lftp 4.9.2's debug lines ('---- ...', '**** ...') on the control connection: the start of a new attempt to connect
# (src/ftpclass.cc, src/NetAccess.cc: 'Resolving host address...', 'Connecting to %s%s (%s) port %u') and what
# happened to it ('Peer closed connection', 'Timeout - reconnecting'), with whether the TCP connection had been made.
LFTP_MESSAGES = {'Resolving host address...': ('CONNECTING', ''),
                 'Connecting to %s%s (%s) port %u': ('CONNECTING', ''),
                 'Peer closed connection': ('CLOSED', 'yes'),
                 'peer closed connection': ('CLOSED', 'yes'),
                 'Timeout - reconnecting': ('TIMED_OUT', '')}


def catalogs(domain):
    for path in sorted(glob.glob('/usr/share/locale/*/LC_MESSAGES/%s.mo' % domain)):
        try:
            yield path.split(os.sep)[-3], gettext.GNUTranslations(open(path, 'rb'))
        except UnicodeDecodeError:
            print('skipped (not UTF-8):', path)


def write(out, header, rows):
    with open(out, 'w', encoding='utf-8') as f:
        f.write(header)
        for key in sorted(rows):
            f.write('\t'.join([key] + list(rows[key][:-1]) + [','.join(rows[key][-1])]) + '\n')
    print(out, len(rows))


def main(out_dir):
    rows = {}
    for locale, t in catalogs('libc'):
        for msgid, (happening, connected) in LIBC.items():
            text = t._catalog.get(msgid)
            if not text or text == msgid:
                continue
            key = text.strip().rstrip('.').lower()
            if key in rows and rows[key][0] != happening:
                raise SystemExit('%s: %r means %s and %s' % (locale, key, rows[key][0], happening))
            rows.setdefault(key, (happening, connected, msgid, []))[3].append(locale)
    write(os.path.join(out_dir, 'libc-errors.tsv'),
          '# GNU libc messages about a connection, translated (Debian 12 libc-l10n 2.36, libc.mo of each locale);\n'
          '# made by tools/system-clients.py. Columns: phrase (lower case), what happened, whether the TCP connection\n'
          '# had been made (yes, no, empty: unknown), msgid, locales.\n', rows)
    rows = {}
    for locale, t in catalogs('lftp'):
        for msgid, kind in LFTP.items():
            text = t._catalog.get(msgid)
            if not text or text == msgid:
                continue
            key = text.strip().rstrip(':').strip().lower()
            if key in rows and rows[key][0] != kind:
                raise SystemExit('%s: %r means %s and %s' % (locale, key, rows[key][0], kind))
            rows.setdefault(key, (kind, msgid, []))[2].append(locale)
    write(os.path.join(out_dir, 'lftp-errors.tsv'),
          '# lftp 4.9.2 error prefixes, translated (Debian 12 lftp 4.9.2-2+b1, lftp.mo of each locale): the words\n'
          '# between the command typed and the error in "ls: Login failed: 530 ...". Made by tools/system-clients.py.\n'
          '# Columns: prefix (lower case, no colon), the English prefix it stands for, msgid, locales.\n', rows)

    rows = {}
    for locale, t in catalogs('lftp'):
        for msgid, (happening, connected) in LFTP_MESSAGES.items():
            text = t._catalog.get(msgid)
            if not text or text == msgid:
                continue
            if happening == 'CONNECTING':
                # what the line starts with, up to the first placeholder, with the space after it (Russian
                # 'Соединение с %s' must not take 'Соединение сокета данных с' for a new attempt)
                key = text.split('%')[0].lower() if '%' in text else text.strip().rstrip('.\u2026').lower()
            else:
                key = text.strip().rstrip('.').lower()
            if len(key.strip()) < 3:
                continue
            if key in rows and rows[key][0] != happening:
                raise SystemExit('%s: %r means %s and %s' % (locale, key, rows[key][0], happening))
            locales = rows.setdefault(key, (happening, connected, msgid, []))[3]
            if locale not in locales:
                locales.append(locale)
    write(os.path.join(out_dir, 'lftp-messages.tsv'),
          '# lftp 4.9.2 debug messages on the control connection, translated (Debian 12 lftp 4.9.2-2+b1, lftp.mo of\n'
          '# each locale); made by tools/system-clients.py. Columns: phrase (lower case; for CONNECTING, what a line\n'
          '# starts with, up to the first placeholder), what happened (CONNECTING: a new attempt to connect begins),\n'
          '# whether the TCP connection had been made (yes, no, empty: unknown), msgid, locales.\n', rows)

    rows = {}
    for locale, t in [('en', None)] + list(catalogs('wget')):
        for msgid, (code, command) in WGET.items():
            text = msgid if t is None else t._catalog.get(msgid)
            if t is not None and msgid == 'Error in server response. Closing.\n':
                text = None  # printed without gettext: English in every locale
            if not text or (t is not None and text == msgid) or text.count('%s') != msgid.count('%s'):
                continue
            key = text.strip().rstrip('.\u3002').strip().lower()
            if key in rows and rows[key][:2] != (code, command):
                raise SystemExit('%s: %r means %s and %s' % (locale, key, rows[key][:2], (code, command)))
            locales = rows.setdefault(key, (code, command, msgid.strip().replace('\n', ''), []))[3]
            if locale not in locales:
                locales.append(locale)
    write(os.path.join(out_dir, 'wget-messages.tsv'),
          "# GNU Wget 1.21.3's lines that restate a failed reply, in English and translated (Debian 12 wget\n"
          '# 1.21.3-1+deb12u1, wget.mo of each locale); made by tools/system-clients.py. Columns: the line (lower case,\n'
          '# without its full stop; %s: the quoted name), the reply code and the command it stands for (or CLOSED: the\n'
          '# control connection is gone), msgid, locales.\n',
          rows)

if __name__ == '__main__':
    main(sys.argv[1])
