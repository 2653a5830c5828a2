import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
print(s.recv(200).decode().strip(), flush=True)
time.sleep(float(sys.argv[2]))
