#!/bin/sh
# Measures the SSH connection against a real sshd: 30 tasks x 10 hosts (arguments: HOSTS TASKS).
# Needs root and OpenSSH's sshd; prints total time, per host-task overhead and TCP connections opened.
set -e
cd "$(dirname "$0")/../.."
mvn -q -o -pl engine test-compile
mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "engine/target/classes:engine/target/test-classes:$(cat engine/target/bench-classpath.txt)" \
    meshplay.engine.connect.ssh.SshBench "$@"
