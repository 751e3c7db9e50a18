#!/usr/bin/env bash
# A throwaway mail server on loopback for the email tests: Debian's dovecot
# (IMAP, and LMTP for delivery) and OpenSMTPD (SMTP relay). Every address at
# every domain has a mailbox, created on first delivery, and the password
# `peer-secret`, so tests pick fresh addresses instead of sharing mailboxes.
#
#   scripts/mail-peer.sh start    start it (a no-op when it already answers)
#   scripts/mail-peer.sh stop     stop it and delete its mail
#   scripts/mail-peer.sh status   exit 0 when both SMTP and IMAP answer
#
# Needs root (both daemons drop privileges themselves) and the Debian packages
# dovecot-imapd, dovecot-lmtpd, opensmtpd and swaks (.ci/run installs them).
# Nothing here is used by the product; a real team points Shiftdesk at its own
# mailbox (README, "Email").
set -euo pipefail

DIR="${SHIFTDESK_MAIL_PEER_DIR:-/tmp/shiftdesk-mail-peer}"
SMTP_PORT="${SHIFTDESK_MAIL_PEER_SMTP_PORT:-31025}"
IMAP_PORT="${SHIFTDESK_MAIL_PEER_IMAP_PORT:-31143}"
LMTP_PORT="${SHIFTDESK_MAIL_PEER_LMTP_PORT:-31024}"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

status() { answers "$SMTP_PORT" && answers "$IMAP_PORT"; }

write_configs() {
  mkdir -p "$DIR/run" "$DIR/state" "$DIR/mail"
  chmod 0777 "$DIR/mail"
  cat > "$DIR/dovecot.conf" <<CONF
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests sign in with wrong passwords on purpose; dovecot's 2 s penalty would only slow them.
auth_failure_delay = 0
auth_username_format = %Lu
first_valid_uid = 0
mail_location = maildir:$DIR/mail/%d/%n
mail_max_userip_connections = 100
passdb {
  driver = static
  args = password=peer-secret
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$DIR/mail/%d/%n
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \Sent
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
service auth {
  user = root
}
protocol lmtp {
  postmaster_address = postmaster@peer.test
}
CONF
  cat > "$DIR/smtpd.conf" <<CONF
listen on 127.0.0.1 port $SMTP_PORT
table catchall { "@" = "nobody" }
action "deliver" lmtp "127.0.0.1:$LMTP_PORT" rcpt-to virtual <catchall>
match from any for any action "deliver"
CONF
}

start() {
  if status; then echo "mail peer: already answering (SMTP $SMTP_PORT, IMAP $IMAP_PORT)"; return 0; fi
  for binary in dovecot smtpd swaks; do
    command -v "$binary" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
    command -v "$binary" >/dev/null 2>&1 || {
      echo "mail peer: $binary is not installed (apt-get install dovecot-imapd dovecot-lmtpd opensmtpd swaks)" >&2
      return 1
    }
  done
  write_configs
  # Both daemons detach; their output goes to files so no caller waits on an inherited pipe.
  answers "$IMAP_PORT" || dovecot -c "$DIR/dovecot.conf" </dev/null >>"$DIR/dovecot.start.log" 2>&1
  if ! answers "$SMTP_PORT"; then
    smtpd -n -f "$DIR/smtpd.conf" >/dev/null 2>"$DIR/smtpd.check.log" || { cat "$DIR/smtpd.check.log" >&2; return 1; }
    # Foreground (-d) under setsid: it outlives this script and logs to a file of ours.
    setsid smtpd -d -f "$DIR/smtpd.conf" >"$DIR/smtpd.log" 2>&1 < /dev/null &
  fi
  for _ in $(seq 1 50); do
    if status; then echo "mail peer: SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT"; return 0; fi
    sleep 0.1
  done
  echo "mail peer: did not answer; see $DIR/dovecot.log and $DIR/smtpd.log" >&2
  return 1
}

stop() {
  if [ -f "$DIR/dovecot.conf" ]; then doveadm -c "$DIR/dovecot.conf" stop 2>/dev/null || true; fi
  pkill -f "smtpd -d -f $DIR/smtpd.conf" 2>/dev/null || true
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
