# A scripted FTP server on loopback whose passive replies name a loopback port held by a listener with a
# full backlog (fakes.py, port 47031): the client's data connection times out as behind a firewall.
import socket, threading
TRAP = 47031
def serve(c):
    f = c.makefile("rwb", buffering=0)
    def send(s): f.write((s + "\r\n").encode())
    send("220 Welcome to the trap FTP service.")
    while True:
        line = f.readline()
        if not line:
            break
        cmd = line.decode(errors="replace").strip()
        verb = cmd.split(" ")[0].upper()
        if verb == "USER": send("331 Password required.")
        elif verb == "PASS": send("230 User logged in.")
        elif verb == "SYST": send("215 UNIX Type: L8")
        elif verb == "FEAT": send("211-Features:\r\n SIZE\r\n211 End")
        elif verb == "PWD": send('257 "/" is the current directory')
        elif verb in ("TYPE", "MODE", "STRU"): send("200 OK.")
        elif verb == "PASV": send("227 Entering Passive Mode (127,0,0,1,%d,%d)." % (TRAP // 256, TRAP % 256))
        elif verb == "EPSV": send("229 Entering Extended Passive Mode (|||%d|)" % TRAP)
        elif verb == "SIZE": send("213 1024")
        elif verb == "QUIT": send("221 Goodbye."); break
        else: send("500 Unknown command.")
    c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 47040)); s.listen(16)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
