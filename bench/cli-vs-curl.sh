#!/usr/bin/env bash
# The ftp-doctor command line against curl, as whole processes (JVM start-up included), on one file served by a
# vsftpd of its own on 127.0.0.1, both sides on a tmpfs:
#
#   get      ftp-doctor get URL FILE      vs  curl -sS --ftp-pasv -o FILE URL
#   put      ftp-doctor put FILE URL      vs  curl -sS --ftp-pasv -T FILE URL
#   explain  ftp-doctor explain 530 ...   (and java -jar ftp-doctor.jar explain ..., without the launcher)
#
# The two commands of a pair run back to back, and the one that goes first alternates from pair to pair. Each
# process is timed by bash's `time` (wall, user and system seconds of the process and its children). The script
# prints the median of each, and the ratio curl / ftp-doctor of wall times, pair by pair (above 1.00: ftp-doctor
# is faster); the median of those ratios is the figure to quote. It checks every run: exit status 0 and exactly
# the file's size on the other side; the SHA-256 of both copies on the first pair. It deletes everything it made.
#
# Usage (as root, from the repository root, after `mvn -q -B package -DskipTests`):
#   bench/cli-vs-curl.sh [--runs 8] [--mib 1024] [--dir /dev/shm] [--only get,put,explain] [--explain-runs 20]
#                        [--launcher target/ftp-doctor]
# Needs: /usr/sbin/vsftpd, curl, java, sha256sum, useradd/chpasswd (creates the user ftpdtest once).
set -euo pipefail

runs=8
mib=1024
dir=/dev/shm
only=get,put,explain
explain_runs=20
launcher=target/ftp-doctor
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --mib) mib=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --explain-runs) explain_runs=$2; shift 2 ;;
    --launcher) launcher=$2; shift 2 ;;
    *) sed -n '2,20s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done
jar=$(dirname "$launcher")/ftp-doctor.jar
user=ftpdtest
password=ftpd-test-pw
size=$((mib * 1048576))

fail() { echo "cli-vs-curl: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it creates the user $user and starts vsftpd)"
for tool in /usr/sbin/vsftpd curl java sha256sum; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
[ -x "$launcher" ] && [ -r "$jar" ] || fail "$launcher or $jar missing: run mvn -q -B package -DskipTests first"
[ "$(stat -f -c %T "$dir")" = tmpfs ] || echo "cli-vs-curl: note: $dir is not a tmpfs; the disk takes part" >&2
free_kib=$(df -P -k "$dir" | awk 'NR == 2 { print $4 }')
need_kib=$((size / 1024 * 3 + 262144)) # the served file, one copy, and 256 MiB to spare
[ "$free_kib" -ge "$need_kib" ] || fail "$dir has $((free_kib / 1024)) MiB free, needs $((need_kib / 1024)) MiB"

id -u "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
echo "$user:$password" | chpasswd
mkdir -p /var/run/vsftpd/empty

work=$(mktemp -d "$dir/ftpdoctor-cli-bench.XXXXXX")
chmod 755 "$work"
mkdir "$work/root" "$work/local"
chown "$user:" "$work/root"
ftpd_pid=
cleanup() {
  if [ -n "$ftpd_pid" ]; then
    kill "$ftpd_pid" 2>/dev/null || true
    wait "$ftpd_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=0
for _ in $(seq 100); do
  p=$((20000 + RANDOM % 20000))
  if port_free "$p"; then port=$p; break; fi
done
[ "$port" != 0 ] || fail "no free port"
pasv=$((port + 1))

cat > "$work/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$port
background=NO
seccomp_sandbox=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
pam_service_name=vsftpd
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=$pasv
pasv_max_port=$((pasv + 49))
xferlog_enable=NO
local_root=$work/root
chroot_local_user=YES
allow_writeable_chroot=YES
secure_chroot_dir=/var/run/vsftpd/empty
max_clients=0
max_per_ip=0
EOF
# vsftpd writes start-up errors ("500 OOPS") to fd 0: its log is opened read-write as its stdin too
/usr/sbin/vsftpd "$work/vsftpd.conf" 0<>"$work/vsftpd.log" 1>&0 2>&0 &
ftpd_pid=$!
greeting=
for _ in $(seq 100); do
  greeting=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && read -r -t 5 line <&3 && printf 'QUIT\r\n' >&3 \
    && echo "$line") 2>/dev/null || true)
  [ -z "$greeting" ] || break
  sleep 0.1
done
case $greeting in 220*) ;; *) fail "vsftpd did not start: $(cat "$work/vsftpd.log")" ;; esac

echo "writing $mib MiB of random data..."
head -c "$size" /dev/urandom > "$work/root/big.bin"
sum=$(sha256sum < "$work/root/big.bin" | cut -d' ' -f1)
url=ftp://$user:$password@127.0.0.1:$port

echo "cli-vs-curl $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(uname -sr);" \
  "$(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1,2); $(/usr/sbin/vsftpd -v 0>&1 2>&1 | head -1)"
echo "ftp-doctor: $launcher ($(git rev-parse --short HEAD 2>/dev/null || echo 'no git')," \
  "archive $( [ -r "$(dirname "$launcher")/ftp-doctor.jsa" ] && echo present || echo absent)); files on $dir ($(stat -f -c %T "$dir"))"

# Runs one command (words in "$@"), timed; appends "wall user sys" to the file $1 (shifted off).
timed() {
  local out=$1 t status
  shift
  t=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$work/err.txt"; } 2>&1 ) || status=$?
  if [ "${status:-0}" != 0 ]; then
    fail "$* exited with ${status}: $(cat "$work/err.txt")"
  fi
  echo "$t" >> "$out"
}

# Checks a copy: its size, and on the first pair its SHA-256; then deletes it.
check() {
  local file=$1 first=$2 got
  got=$(stat -c %s "$file")
  [ "$got" = "$size" ] || fail "$file has $got bytes, expected $size"
  if [ "$first" = 1 ]; then
    [ "$(sha256sum < "$file" | cut -d' ' -f1)" = "$sum" ] || fail "$file differs from the served file (SHA-256)"
  fi
  rm -f "$file"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$1"; }

# Prints the table of one comparison from the timing files $2 (ftp-doctor) and $3 (curl).
report() {
  local title=$1 a=$2 b=$3
  echo
  echo "$title, $runs pairs (load before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "| command | wall s (median) | user s | sys s | MB/s | walls |"
  echo "|---|---|---|---|---|---|"
  for f in "$a" "$b"; do
    local name
    name=$([ "$f" = "$a" ] && echo "ftp-doctor" || echo "curl")
    printf '| %s | %.3f | %.3f | %.3f | %.0f | %s |\n' "$name" "$(col "$f" 1 | median)" "$(col "$f" 2 | median)" \
      "$(col "$f" 3 | median)" "$(awk -v s="$size" -v w="$(col "$f" 1 | median)" 'BEGIN { print s / 1e6 / w }')" \
      "$(col "$f" 1 | tr '\n' ' ' | sed 's/ $//')"
  done
  paste -d' ' "$a" "$b" | awk '{ print $4 / $1 }' > "$work/ratios"
  printf 'curl wall / ftp-doctor wall, pair by pair: %s; median %.2f (above 1.00: ftp-doctor is faster)\n' \
    "$(awk '{ printf "%.2f ", $1 }' "$work/ratios" | sed 's/ $//')" "$(median < "$work/ratios")"
}

if [[ ,$only, == *,get,* ]]; then
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  : > "$work/get-a"; : > "$work/get-b"
  for i in $(seq "$runs"); do
    for who in $([ $((i % 2)) = 1 ] && echo "a b" || echo "b a"); do
      if [ "$who" = a ]; then
        timed "$work/get-a" "$launcher" get "$url/big.bin" "$work/local/a.bin"
        check "$work/local/a.bin" "$i"
      else
        timed "$work/get-b" curl -sS --ftp-pasv -o "$work/local/b.bin" "$url/big.bin"
        check "$work/local/b.bin" "$i"
      fi
    done
  done
  report "get: RETR $mib MiB into a file" "$work/get-a" "$work/get-b"
fi

if [[ ,$only, == *,put,* ]]; then
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  : > "$work/put-a"; : > "$work/put-b"
  for i in $(seq "$runs"); do
    for who in $([ $((i % 2)) = 1 ] && echo "a b" || echo "b a"); do
      if [ "$who" = a ]; then
        timed "$work/put-a" "$launcher" put "$work/root/big.bin" "$url/up-a.bin"
        check "$work/root/up-a.bin" "$i"
      else
        timed "$work/put-b" curl -sS --ftp-pasv -T "$work/root/big.bin" "$url/up-b.bin"
        check "$work/root/up-b.bin" "$i"
      fi
    done
  done
  report "put: STOR $mib MiB from a file" "$work/put-a" "$work/put-b"
fi

if [[ ,$only, == *,explain,* ]]; then
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  : > "$work/explain-a"; : > "$work/explain-b"
  expected=$("$launcher" explain 530 "Login incorrect." || true)
  [ "$expected" = "$(java -jar "$jar" explain 530 "Login incorrect." || true)" ] \
    || fail "the launcher and java -jar print different reports"
  for i in $(seq "$explain_runs"); do
    # exit status 1: a diagnosed failure, which this reply is
    { TIMEFORMAT='%R %U %S'; time "$launcher" explain 530 "Login incorrect." >/dev/null 2>&1; } 2>> "$work/explain-a" || true
    { TIMEFORMAT='%R %U %S'; time java -jar "$jar" explain 530 "Login incorrect." >/dev/null 2>&1; } 2>> "$work/explain-b" || true
  done
  echo
  echo "explain 530 \"Login incorrect.\", whole process, $explain_runs runs each, alternating" \
    "(load before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "| command | wall s (median) | user s | sys s | fastest wall s |"
  echo "|---|---|---|---|---|"
  for f in a b; do
    printf '| %s | %.3f | %.3f | %.3f | %.3f |\n' "$([ $f = a ] && echo "$launcher" || echo "java -jar $jar")" \
      "$(col "$work/explain-$f" 1 | median)" "$(col "$work/explain-$f" 2 | median)" \
      "$(col "$work/explain-$f" 3 | median)" "$(col "$work/explain-$f" 1 | sort -g | head -1)"
  done
fi
