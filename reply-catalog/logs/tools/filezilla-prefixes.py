#!/usr/bin/env python3
"""Writes reply-catalog/logs/filezilla-prefixes.tsv and filezilla-messages.tsv: the line prefixes of FileZilla's message log in every language
FileZilla ships ('Status:', 'Command:', 'Response:', 'Error:', 'Trace:', 'Listing:' and their translations), read
from the translations of Debian 12's filezilla-common 3.63.0-1+deb12u3 (locale/*/LC_MESSAGES/filezilla.mo).
and the translations of FileZilla's messages for what happened to the connection ('Connection refused',
'Connection timed out after %d seconds of inactivity', 'Disconnected from server', ...).
`ftp-doctor analyze` reads a FileZilla log pasted from a translated client by these.

Run: apt-get download filezilla-common && dpkg-deb -x filezilla-common_*.deb DIR
     python3 filezilla-prefixes.py DIR OUT_DIR"""
import glob, gettext, os, re, sys

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


# msgid -> (what happened, whether the TCP connection had been made: yes, no or empty for unknown)
MESSAGES = {'Connection refused': ('REFUSED', 'no'),
            'Connection timed out after %d second of inactivity': ('TIMED_OUT', 'yes'),
            'Connection timed out.': ('TIMED_OUT', ''),
            'Connection closed by server': ('CLOSED', ''),
            'Disconnected from server': ('CLOSED', ''),
            'Host unreachable': ('UNREACHABLE', 'no'),
            'Network unreachable': ('UNREACHABLE', 'no'),
            # a new attempt to connect starts: the phrase is what the line starts with
            'Connecting to %s...': ('CONNECTING', ''),
            'Resolving address of %s': ('CONNECTING', '')}


def phrase_of(translated):
    """The longest piece of a message between its placeholders, without end punctuation, lower case."""
    pieces = re.split(r'%(?:\d+\$)?[-+ #0-9.]*[dsuil]+', translated)
    best = max((p.strip().strip('.\u3002!\uff01 ') for p in pieces), key=len)
    return best.lower() if len(best) >= 3 else None


def start_of(translated):
    """What a message says before its first placeholder, lower case, or None when that is too short to anchor."""
    first = re.split(r'%(?:\d+\$)?[-+ #0-9.]*[dsuil]+', translated)[0].strip()
    return first.lower() if len(first) >= 2 else None


def messages(root, out):
    rows = {}
    for path in sorted(glob.glob(os.path.join(root, 'usr/share/locale/*/LC_MESSAGES/filezilla.mo'))):
        locale = path.split(os.sep)[-3]
        t = gettext.GNUTranslations(open(path, 'rb'))
        for msgid, (happening, connected) in MESSAGES.items():
            text = t._catalog.get(msgid) or t._catalog.get((msgid, 1)) or t._catalog.get((msgid, 0))
            if not text or text == msgid:
                continue
            phrase = start_of(text) if happening == 'CONNECTING' else phrase_of(text)
            if not phrase:
                continue
            if phrase in rows and rows[phrase][0] != happening:
                raise SystemExit('%s: %r means %s and %s' % (locale, phrase, rows[phrase][0], happening))
            rows.setdefault(phrase, (happening, connected, msgid, []))[3].append(locale)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# FileZilla messages on the connection, translated, from %s (filezilla.mo of each locale);\n' % PACKAGE)
        f.write('# made by tools/filezilla-prefixes.py. Columns: phrase (lower case, the longest piece between\n')
        f.write('# placeholders; for CONNECTING, what a line starts with), what happened (CONNECTING: a new attempt to\n')
        f.write('# connect begins), whether the TCP connection had been made (yes, no, empty: unknown),\n')
        f.write('# msgid, locales.\n')
        for key in sorted(rows):
            happening, connected, msgid, locales = rows[key]
            f.write('%s\t%s\t%s\t%s\t%s\n' % (key, happening, connected, msgid, ','.join(locales)))
    print(len(rows), 'messages')


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
    main(sys.argv[1], os.path.join(sys.argv[2], 'filezilla-prefixes.tsv'))
    messages(sys.argv[1], os.path.join(sys.argv[2], 'filezilla-messages.tsv'))
