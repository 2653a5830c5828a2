import ftplib
import sys

host = "127.0.0.1"
port = int(sys.argv[1])
user = sys.argv[2]
password = sys.argv[3]
action = sys.argv[4]
level = int(sys.argv[5])

f = ftplib.FTP()
f.set_debuglevel(level)
f.connect(host, port, timeout=4)
f.login(user, password)
if action == "list":
    f.retrlines("LIST")
elif action == "get":
    with open("/tmp/report.csv", "wb") as out:
        f.retrbinary("RETR report.csv", out.write)
elif action == "put":
    with open("/work/capture/cert.pem", "rb") as src:
        f.storbinary("STOR up.pem", src)
f.quit()
