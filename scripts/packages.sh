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
  [ceph-mon]="test -x /usr/bin/ceph-mon"
  [ceph-mgr]="test -x /usr/bin/ceph-mgr"
  [ceph-osd]="test -x /usr/bin/ceph-osd"
  [ceph-common]="test -x /usr/bin/ceph"
  [ceph-base]="test -x /usr/bin/ceph-authtool"
)

# Packages installed without their recommends: Ceph's would pull in the dashboard, cephadm and
# hundreds of MB that the lab never runs. The lab runs these daemons only inside its own namespaces;
# the packages' host units are never started (nothing here runs systemctl on the machine) and
# ceph-osd's /etc/sysctl.d/30-ceph-osd.conf is never applied to the machine.
NO_RECOMMENDS=" ceph-mon ceph-mgr ceph-osd ceph-common ceph-base "
# The lab's real Ceph 16 (see lab/README.md "Real Ceph").
CEPH_PACKAGES=(ceph-mon ceph-mgr ceph-osd ceph-common ceph-base)

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
    local plain=() bare=()
    for pkg in "${missing[@]}"; do
      if [[ $NO_RECOMMENDS == *" $pkg "* ]]; then bare+=("$pkg"); else plain+=("$pkg"); fi
    done
    ((${#plain[@]} == 0)) || apt-get install -y -q "${plain[@]}"
    ((${#bare[@]} == 0)) || apt-get install -y -q --no-install-recommends "${bare[@]}"
  else
    echo "$who: missing packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
}
