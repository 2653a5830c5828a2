import gettext, os, json, unicodedata
PAM_A="Have exhausted maximum number of retries for service"
PAM_B=("There was %d failed login attempt since the last successful login.","There were %d failed login attempts since the last successful login.")
LIBC_D=["Is a directory","Not a directory","No such file or directory","Directory not empty"]
# (lang file, locale dirs, attempts terms, directory terms); a term prefixed '~' may start inside a word (compounds)
spec={
 'en':(None,['attempt','retries'],['directory']),
 'de':(['de'],['~versuch'],['~verzeichnis']),
 'fr':(['fr'],['tentative'],['dossier']),
 'es':(['es'],['intento','reintento'],['directorio']),
 'it':(['it'],['tentativ'],['directory']),
 'pt':(['pt','pt_BR'],['tentativa'],['pasta','diretório']),
 'pl':(['pl'],['prób'],['katalog']),
 'ru':(['ru'],['попыт'],['каталог']),
 'ja':(['ja'],['試行'],['ディレクトリ']),
 'ko':(['ko'],['시도'],['디렉터리']),
 'zh':(['zh_CN','zh_TW'],['重试','尝试','重試','試圖'],['目录','目錄']),
 'bg':(['bg'],['опит'],['директория']),
 'nl':(['nl'],['~poging'],['map']),
 'cs':(['cs'],['pokus'],['adresář']),
 'sk':(['sk'],['pokus'],['adresár']),
 'sv':(['sv'],['~försök'],['katalog']),
 'da':(['da'],['~forsøg'],['~katalog']),
 'nb':(['nb'],['~forsøk'],['~katalog']),
 'hu':(['hu'],['~próbálkozás','kísérlet'],['könyvtár']),
 'ro':(['ro'],['încercăr'],[]),
 'tr':(['tr'],['deneme'],['dizin']),
 'uk':(['uk'],['спроб'],['каталог']),
 'fi':(['fi'],['~yrity'],['hakemisto']),
 'ca':(['ca'],['intent'],['directori']),
 'el':(['el'],[],['κατάλογος','κατάλογο']),
}
def mo(loc,dom):
    p='/usr/share/locale/%s/LC_MESSAGES/%s.mo'%(loc,dom)
    return gettext.GNUTranslations(open(p,'rb')) if os.path.exists(p) else None
lexicons=[]
for lang,(locs,att,dirs) in spec.items():
    concepts={'ATTEMPTS':[], 'DIRECTORY':[]}
    for concept,terms in (('ATTEMPTS',att),('DIRECTORY',dirs)):
        for term in terms:
            anywhere=term.startswith('~'); word=term.lstrip('~')
            src=None
            if lang=='en':
                texts=[PAM_A,PAM_B[1]]+LIBC_D
                for t in texts:
                    if word in t.lower(): src="msgid '%s' (Linux-PAM 1.5.2 po / GNU libc 2.36 po, the English originals)"%t; break
                if src is None and word in ('folder',): src="GNU libc 2.36, Debian libc-l10n: pt 'É pasta' glossed as 'Is a folder' (the msgid 'Is a directory')"
            else:
                for loc in locs:
                    for dom,ids in (('Linux-PAM',[PAM_A,PAM_B]),('libc',LIBC_D)):
                        t=mo(loc,dom)
                        if not t: continue
                        for i in ids:
                            s=t.ngettext(i[0],i[1],5) if isinstance(i,tuple) else t.gettext(i)
                            if word.lower() in s.lower() and s not in i:
                                src="%s.mo (Debian 12: %s) %s: '%s' -> '%s'"%(dom, 'libpam-runtime 1.5.2-6' if dom=='Linux-PAM' else 'libc-l10n 2.36-9', loc, i if isinstance(i,str) else i[1], s)
                                break
                        if src: break
                    if src: break
            if src is None:
                raise SystemExit('no source for %s %s'%(lang,term))
            e={'term':word,'source':src}
            if anywhere: e['anywhere']=True
            concepts[concept].append(e)
    concepts={k:v for k,v in concepts.items() if v}
    lexicons.append({'lang':lang,'concepts':concepts})
doc={'description':"Cue terms read from system message catalogs installed on Debian 12 (Linux-PAM 1.5.2 and GNU libc 2.36 translations): ATTEMPTS from PAM's 'Have exhausted maximum number of retries for service' and 'There were %d failed login attempts since the last successful login.', DIRECTORY from libc's 'Is a directory', 'Not a directory', 'No such file or directory' and 'Directory not empty'. Each term names the msgid and translation it was read from. 'anywhere': the term may start inside a word (compounds such as Anmeldeversuche, inloggningsförsök).",
     'lexicons':lexicons}
json.dump(doc,open('/work/main/reply-catalog/cues/system-catalogs.json','w'),ensure_ascii=False,indent=1)
print(sum(len(t) for l in lexicons for t in l['concepts'].values()))
