#!/usr/bin/env python3
"""Writes reply-catalog/logs/libc-errors.tsv, lftp-errors.tsv and login-incorrect.tsv from the translations
installed on Debian 12:
GNU libc's messages for what happened to a connection (libc-l10n 2.36: 'Connection refused', 'Connection timed out',
...), which every client prints in the user's language when it reports a system error (lftp, wget, tnftp, Python),
lftp's own error prefixes (lftp 4.9.2: 'Login failed', 'Access failed: ', 'Fatal error'), and GNU Wget's line for a
refused login (wget 1.21.3: 'Login incorrect.'), which is all Wget prints of it without -d.
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
LFTP = {'Login failed': 'Login failed', 'Access failed: ': 'Access failed', 'Fatal error': 'Fatal error'}


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

    rows = {'login incorrect': ('Login incorrect.\\n', ['en'])}
    for locale, t in catalogs('wget'):
        text = t._catalog.get('Login incorrect.\n')
        if text and text != 'Login incorrect.\n':
            key = text.strip().rstrip('.\u3002').strip().lower()
            rows.setdefault(key, ('Login incorrect.\\n', []))[1].append(locale)
    write(os.path.join(out_dir, 'login-incorrect.tsv'),
          '# GNU Wget 1.21.3\'s line for a refused login, translated (Debian 12 wget 1.21.3-1+deb12u1, wget.mo of each\n'
          '# locale); made by tools/system-clients.py. Columns: the line (lower case, without its full stop), msgid,\n'
          '# locales. A line that says only this restates a 530 to USER or PASS.\n', rows)


if __name__ == '__main__':
    main(sys.argv[1])
