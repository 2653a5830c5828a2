#!/usr/bin/env python3
"""Writes reply-catalog/logs/filezilla-prefixes.tsv: the line prefixes of FileZilla's message log in every language
FileZilla ships ('Status:', 'Command:', 'Response:', 'Error:', 'Trace:', 'Listing:' and their translations), read
from the translations of Debian 12's filezilla-common 3.63.0-1+deb12u3 (locale/*/LC_MESSAGES/filezilla.mo).
`ftp-doctor analyze` reads a FileZilla log pasted from a translated client by these prefixes.

Run: apt-get download filezilla-common && dpkg-deb -x filezilla-common_*.deb DIR
     python3 filezilla-prefixes.py DIR OUT.tsv"""
import glob, gettext, os, sys

PACKAGE = 'filezilla-common 3.63.0-1+deb12u3'
SIDES = {'Status:': 'STATUS', 'Command:': 'CLIENT', 'Response:': 'SERVER', 'Error:': 'ERROR',
         'Trace:': 'IGNORED', 'Listing:': 'IGNORED'}


def prefix_of(translated):
    """The word before the colon, as the log writes it: ASCII or full-width colon, no-break space allowed."""
    t = translated.replace('\u00a0', ' ').strip()
    for colon in (':', '\uff1a'):
        if t.endswith(colon):
            return t[:-len(colon)].strip()
    return None


def main(root, out):
    rows = {}
    for path in sorted(glob.glob(os.path.join(root, 'usr/share/locale/*/LC_MESSAGES/filezilla.mo'))):
        locale = path.split(os.sep)[-3]
        t = gettext.GNUTranslations(open(path, 'rb'))
        for msgid, side in SIDES.items():
            text = t._catalog.get(msgid)
            word = prefix_of(text) if text else None
            if not word:
                continue
            key = word.lower()
            if key in rows and rows[key][0] != side:
                raise SystemExit('%s: %r means %s in one language and %s in another' % (locale, word, rows[key][0], side))
            rows.setdefault(key, (side, msgid, []))[2].append(locale)
    for msgid, side in SIDES.items():  # the English originals
        rows.setdefault(prefix_of(msgid).lower(), (side, msgid, []))[2].insert(0, 'en')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# FileZilla message-log line prefixes, from %s (filezilla.mo of each locale); made by\n' % PACKAGE)
        f.write('# tools/filezilla-prefixes.py. Columns: prefix (lower case, without its colon), side, msgid, locales.\n')
        for key in sorted(rows):
            side, msgid, locales = rows[key]
            f.write('%s\t%s\t%s\t%s\n' % (key, side, msgid, ','.join(locales)))
    print(len(rows), 'prefixes')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
