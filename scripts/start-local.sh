#!/usr/bin/env bash
# Starts the product locally: Keycloak (our jar, realm-config imported, embedded H2 database kept
# in .local/), the My NS Account stand-in realm, and a GreenMail mail catcher. Everything comes from
# Maven Central. Ctrl-C stops what this script started.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOCAL="$ROOT/.local"
KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
PROJECT_VERSION=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")
GREENMAIL_VERSION=2.1.3
KC_HOME="$LOCAL/keycloak-$KC_VERSION"
JAR="$ROOT/providers/target/lampss-keycloak-providers-$PROJECT_VERSION.jar"
HTTP_PORT=${LAMPSS_HTTP_PORT:-8080}
MGMT_PORT=${LAMPSS_MANAGEMENT_PORT:-9000}
MAIL_API_PORT=${LAMPSS_MAIL_API_PORT:-8083}
# The public address Keycloak names in every link it builds (emails, redirects, token issuers).
PUBLIC_URL=${LAMPSS_HOSTNAME:-http://localhost:$HTTP_PORT}
MVN="mvn -q -B"
mkdir -p "$LOCAL"

say() { printf '\n==> %s\n' "$*"; }

build_if_stale() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/providers/src" "$ROOT/themes" -newer "$JAR" -type f | head -1)" ]; then
    say "Building the providers jar"
    (cd "$ROOT" && $MVN -DskipTests package -pl providers -am)
  fi
}

fetch() { # groupId:artifactId:version[:packaging] into $LOCAL
  $MVN org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$1" -DoutputDirectory="$LOCAL" -Dmdep.overWriteIfNewer=true
}

install_keycloak() {
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    say "Unpacking Keycloak $KC_VERSION"
    fetch "org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz"
    tar xzf "$LOCAL/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$LOCAL"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT/realm-config/realms/lampss-realm.json" "$ROOT/realm-config/demo/lampss-users-0.json" \
     "$ROOT/realm-config/stand-in/mynsaccount-realm.json" "$KC_HOME/data/import/"
  if ! cmp -s "$JAR" "$KC_HOME/providers/lampss-keycloak-providers.jar"; then
    cp "$JAR" "$KC_HOME/providers/lampss-keycloak-providers.jar"
    rm -f "$KC_HOME/.lampss-built"
  fi
  if [ ! -f "$KC_HOME/.lampss-built" ]; then
    say "Building the optimized Keycloak image (once per jar change)"
    "$KC_HOME/bin/kc.sh" build --db=dev-file --health-enabled=true --metrics-enabled=true --features=dynamic-scopes,declarative-ui
    touch "$KC_HOME/.lampss-built"
  fi
}

start_mail() {
  [ -f "$LOCAL/greenmail-standalone-$GREENMAIL_VERSION.jar" ] || fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
  java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
       -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
       -jar "$LOCAL/greenmail-standalone-$GREENMAIL_VERSION.jar" > "$LOCAL/greenmail.log" 2>&1 &
  MAIL_PID=$!
}

start_keycloak() {
  # The stand-in runs in this same Keycloak, so its issuer and the broker's address follow the public address
  # (unless set): the broker checks the issuer My NS Account's tokens name.
  LAMPSS_MYNS_URL=${LAMPSS_MYNS_URL:-$PUBLIC_URL/realms/mynsaccount} \
  LAMPSS_BROKER_URL=${LAMPSS_BROKER_URL:-$PUBLIC_URL/realms/lampss} \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start --optimized --import-realm --http-enabled=true --hostname="$PUBLIC_URL" \
      --http-port="$HTTP_PORT" --http-management-port="$MGMT_PORT" > "$LOCAL/keycloak.log" 2>&1 &
  KC_PID=$!
}

stop_all() {
  trap - INT TERM EXIT
  say "Stopping"
  for pid in ${KC_PID:-} ${MAIL_PID:-}; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

wait_ready() {
  local started=$SECONDS
  until curl -fs "http://localhost:$MGMT_PORT/health/ready" > /dev/null; do
    if ! kill -0 "$KC_PID" 2>/dev/null; then
      echo "Keycloak stopped during start-up; the end of $LOCAL/keycloak.log:" >&2
      tail -30 "$LOCAL/keycloak.log" >&2
      exit 1
    fi
    sleep 1
  done
  say "Ready in $((SECONDS - started)) s"
}

print_urls() {
  cat <<TXT
  Keycloak admin console      $PUBLIC_URL/admin/            admin / admin
  LaMPSS realm (Operations)   $PUBLIC_URL/admin/lampss/console/   ops.support / demo
  LaMPSS account console      $PUBLIC_URL/realms/lampss/account/  "My NS Account" button
  My NS Account stand-in      alex.martin, camille.leblanc, sam.macdonald, dana.stranger / demo
                              (an identity nobody invited is refused: that is the gate)
  Mail catcher (SMTP :3025)   http://127.0.0.1:$MAIL_API_PORT/api/user/<email>/messages/INBOX
  Logs                        $LOCAL/keycloak.log, $LOCAL/greenmail.log
  Ctrl-C stops everything.
TXT
}

ensure_ports_free() {
  for port in "$HTTP_PORT" "$MGMT_PORT" 3025 "$MAIL_API_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port is already in use (another Keycloak or test run?). Stop it first, or set LAMPSS_HTTP_PORT / LAMPSS_MANAGEMENT_PORT / LAMPSS_MAIL_API_PORT." >&2
      exit 1
    fi
  done
}

ensure_ports_free
build_if_stale
install_keycloak
trap stop_all INT TERM EXIT
start_mail
start_keycloak
wait_ready
print_urls
wait "$KC_PID"
