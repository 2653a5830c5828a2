import socket, threading, time, sys
def silent(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(1)
    fillers = []
    for i in range(3):
        c = socket.socket(); c.setblocking(False)
        try: c.connect(("127.0.0.1", port))
        except BlockingIOError: pass
        fillers.append(c)
    return s, fillers
def closer(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(16)
    while True:
        c, _ = s.accept(); c.close()
def mute(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(16)
    held = []
    while True:
        c, _ = s.accept(); held.append(c)
keep = silent(47031)
threading.Thread(target=closer, args=(47032,), daemon=True).start()
threading.Thread(target=mute, args=(47033,), daemon=True).start()
time.sleep(7200)
