#!/bin/sh
# Creates the platform's topics from topics.conf (the one definition; its format is described in it) on
# the cluster at $KAFKA_BOOTSTRAP_SERVERS, with the tools of the apache/kafka image. Idempotent: a topic
# that exists is left as it is, except that its configs are set to those of topics.conf; its partition
# count and replication factor are only reported when they differ (raising partitions moves keys to
# other partitions, and replicas move by reassignment: both are an operator's decision).
# Run by docker-compose.yml's topic-init service and by the Kubernetes Job of deploy/kafka.
#
#   create-topics.sh [topics.conf]       (default: topics.conf beside this script)
#   KAFKA_BOOTSTRAP_SERVERS              required, e.g. kafka:9092
#   KAFKA_TOPIC_REPLICATION_FACTOR       default 1 (3 on a three-broker cluster)
#   KAFKA_TOPIC_MIN_INSYNC_REPLICAS      default 1 (2 on a three-broker cluster)
#   KAFKA_TOPICS_WAIT_SECONDS            how long to wait for the cluster to answer, default 120
#   KAFKA_BIN_DIR                        where kafka-topics.sh and kafka-configs.sh are, default /opt/kafka/bin
set -eu

CONF=${1:-$(dirname "$0")/topics.conf}
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must name the cluster, e.g. kafka:9092}
REPLICATION_FACTOR=${KAFKA_TOPIC_REPLICATION_FACTOR:-1}
MIN_INSYNC_REPLICAS=${KAFKA_TOPIC_MIN_INSYNC_REPLICAS:-1}
WAIT_SECONDS=${KAFKA_TOPICS_WAIT_SECONDS:-120}
BIN=${KAFKA_BIN_DIR:-/opt/kafka/bin}

say() { printf 'create-topics: %s\n' "$*"; }
fail() { printf 'create-topics: %s\n' "$*" >&2; exit 1; }

is_count() { case $1 in '' | *[!0-9]* | 0*) return 1 ;; *) return 0 ;; esac; }

[ -r "$CONF" ] || fail "cannot read $CONF"
is_count "$REPLICATION_FACTOR" || fail "KAFKA_TOPIC_REPLICATION_FACTOR must be a positive number, not '$REPLICATION_FACTOR'"
is_count "$MIN_INSYNC_REPLICAS" || fail "KAFKA_TOPIC_MIN_INSYNC_REPLICAS must be a positive number, not '$MIN_INSYNC_REPLICAS'"
[ "$MIN_INSYNC_REPLICAS" -le "$REPLICATION_FACTOR" ] \
  || fail "KAFKA_TOPIC_MIN_INSYNC_REPLICAS ($MIN_INSYNC_REPLICAS) exceeds KAFKA_TOPIC_REPLICATION_FACTOR ($REPLICATION_FACTOR): no write could succeed"
is_count "$WAIT_SECONDS" || fail "KAFKA_TOPICS_WAIT_SECONDS must be a positive number, not '$WAIT_SECONDS'"

# Checks every line before anything is created, so that a typo creates nothing.
line_no=0
seen=' '
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  set -f
  set -- $line
  set +f
  case ${1:-#} in \#*) continue ;; esac
  case $1 in . | .. | *[!A-Za-z0-9._-]*) fail "$CONF:$line_no: '$1' is not a topic name" ;; esac
  [ ${#1} -le 249 ] || fail "$CONF:$line_no: '$1' is longer than the 249 characters of a topic name"
  case $seen in *" $1 "*) fail "$CONF:$line_no: $1 is defined twice" ;; esac
  seen="$seen$1 "
  shift
  keys=' '
  for setting in "$@"; do
    key=${setting%%=*}
    case $setting in *=?*) ;; *) fail "$CONF:$line_no: '$setting' is not key=value" ;; esac
    case $key in
      replication.factor) fail "$CONF:$line_no: the replication factor belongs to the cluster: KAFKA_TOPIC_REPLICATION_FACTOR" ;;
      min.insync.replicas) fail "$CONF:$line_no: min.insync.replicas belongs to the cluster: KAFKA_TOPIC_MIN_INSYNC_REPLICAS" ;;
      # kafka-configs names: lower case words joined by dots
      '' | [!a-z]* | *[!a-z0-9.]* | *..* | *.) fail "$CONF:$line_no: '$key' is not a topic config name" ;;
    esac
    case $keys in *" $key "*) fail "$CONF:$line_no: $key is given twice" ;; esac
    keys="$keys$key "
  done
  partitions=
  for setting in "$@"; do
    case $setting in partitions=*) partitions=${setting#partitions=} ;; esac
  done
  is_count "$partitions" || fail "$CONF:$line_no: needs partitions=<positive number>"
done <"$CONF"

# The cluster's topics, one summary line each ("Topic: <name> TopicId: .. PartitionCount: .. ReplicationFactor: .."),
# asked until the cluster answers.
deadline=$(($(date +%s) + WAIT_SECONDS))
until described=$("$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal </dev/null 2>&1); do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    printf '%s\n' "$described" | tail -n 20 >&2
    fail "Kafka at $BOOTSTRAP did not answer within $WAIT_SECONDS s"
  fi
  say "waiting for Kafka at $BOOTSTRAP ..."
  sleep 2
done

# field NAME FIELD: the value after "FIELD:" on NAME's summary line; nothing if the topic does not exist
field() {
  printf '%s\n' "$described" | awk -v topic="$1" -v key="$2:" '
    /^Topic:/ && $2 == topic { for (i = 3; i < NF; i++) if ($i == key) { print $(i + 1); exit } }'
}

# "--config" values: kafka-configs takes a list value in brackets, key=[a,b]
bracketed() { case ${1#*=} in *,*) printf '%s=[%s]' "${1%%=*}" "${1#*=}" ;; *) printf '%s' "$1" ;; esac; }

apply_topic() { # apply_topic NAME SETTING...
  topic=$1
  shift
  partitions=
  create_args=
  configs=
  alter_list=
  for setting in "$@" "min.insync.replicas=$MIN_INSYNC_REPLICAS"; do
    case $setting in
      partitions=*) partitions=${setting#partitions=} ;;
      *)
        create_args="$create_args --config $setting"
        configs="$configs $setting"
        alter_list="${alter_list:+$alter_list,}$(bracketed "$setting")"
        ;;
    esac
  done
  existing_partitions=$(field "$topic" PartitionCount)
  if [ -z "$existing_partitions" ]; then
    # create_args holds only key=value words without blanks (checked above): split on purpose
    # shellcheck disable=SC2086
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
      --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" $create_args </dev/null >/dev/null \
      || fail "cannot create $topic"
    say "created $topic: partitions=$partitions replication.factor=$REPLICATION_FACTOR$configs"
    return 0
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$topic" \
    --add-config "$alter_list" </dev/null >/dev/null || fail "cannot set the configs of $topic"
  say "exists $topic: configs set ($alter_list)"
  if [ "$existing_partitions" != "$partitions" ]; then
    say "note: $topic has $existing_partitions partitions, topics.conf says $partitions (left as it is: raising them is an operator's decision, lowering impossible)"
  fi
  existing_replicas=$(field "$topic" ReplicationFactor)
  if [ "$existing_replicas" != "$REPLICATION_FACTOR" ]; then
    say "note: $topic has replication factor $existing_replicas, KAFKA_TOPIC_REPLICATION_FACTOR is $REPLICATION_FACTOR (change it with kafka-reassign-partitions.sh)"
  fi
}

count=0
while IFS= read -r line || [ -n "$line" ]; do
  set -f
  set -- $line
  set +f
  case ${1:-#} in \#*) continue ;; esac
  apply_topic "$@"
  count=$((count + 1))
done <"$CONF"
say "$count topics of $CONF in place on $BOOTSTRAP (replication factor $REPLICATION_FACTOR, min.insync.replicas $MIN_INSYNC_REPLICAS)"
