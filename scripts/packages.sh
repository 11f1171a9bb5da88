# Sourced by ./main and ./test: makes sure Debian packages are installed. As root it installs the
# missing ones with apt-get (one `apt-get update` first); otherwise it names them and returns 1.

# package -> command that shows it is usable even when dpkg does not list it
declare -A PACKAGE_PROBE=(
  [openjdk-17-jdk-headless]="javac -version 2>&1 | grep -q 'javac 17'"
  [maven]="mvn -v"
  [openssh-server]="test -x /usr/sbin/sshd"
  [iproute2]="ip -V"
  [iputils-ping]="ping -V"
  [frr]="test -x /usr/lib/frr/fabricd"
  [frr-pythontools]="test -e /usr/lib/frr/frr-reload.py"
  [ifupdown2]="test -e /usr/share/ifupdown2"
  [iperf3]="iperf3 -v"
  [tmux]="tmux -V"
  [sudo]="test -x /usr/bin/sudo"
  [ansible-core]="ansible-vault --version"
)

# ensure_packages WHO PKG...: WHO prefixes the messages (main, test).
ensure_packages() {
  local who=$1 pkg missing=()
  shift
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      bash -c "${PACKAGE_PROBE[$pkg]:-false}" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  ((${#missing[@]})) || return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "$who: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  else
    echo "$who: missing packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
}
