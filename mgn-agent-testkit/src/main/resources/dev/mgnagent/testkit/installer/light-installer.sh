#!/bin/bash
# mgn-agent testkit: light stand-in for AWS's Linux replication-agent installer
# (aws-replication-installer-init). No JVM: bash and curl only, for benchmarks of many hosts.
#
# Written from the installer's documented parameters and an observed transcript: it takes the
# documented options, asks for what is missing ("AWS Region Name:", "AWS Access Key ID:", the
# secret key without echo, the session token only for temporary keys starting with ASIA), lists
# the host's disks, checks the credentials, registers the host with the fake MGN and prints the
# source server ID. A failure prints "Installation failed." and "Error details: ...", exit 1.
#
# The host is the tree named by MGNAGENT_FAKE_HOST_ROOT (else /): its disks are sys/block/*
# (size in 512-byte sectors), its name proc/sys/kernel/hostname, its MAC
# sys/class/net/eth0/address. The installation is the directory var/lib/aws-replication-agent
# in that tree. Registration is the fake MGN's own POST /fake-agent/RegisterAgentForMgn, signed
# with SigV4 by curl; the keys reach curl through its standard input, never its command line.
set -u
umask 077

default_endpoint='@DEFAULT_ENDPOINT@'
# where the secret key and session token are asked: stderr (as a password reader without a
# terminal does) or stdout (a masking reader); the real installer's reader is not documented
secret_prompts='@SECRET_PROMPTS@'
root="${MGNAGENT_FAKE_HOST_ROOT:-}"
root="${root%/}"

region='' key_id='' secret='' token='' devices='' s3_endpoint='' endpoint='' user_id=''
no_prompt=0 no_replication=0 force_volumes=0 dualstack=0
tags=()

fail() {
  echo "Installation failed."
  echo "Error details: $*"
  exit 1
}

json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

while [ $# -gt 0 ]; do
  arg=$1
  shift
  value=''
  case "$arg" in
    --*=*) value=${arg#*=}; arg=${arg%%=*}; set -- "$value" "$@" ;;
  esac
  case "$arg" in
    --region) region=${1:-}; shift ;;
    --aws-access-key-id) key_id=${1:-}; shift ;;
    --aws-secret-access-key) secret=${1:-}; shift ;;
    --aws-session-token) token=${1:-}; shift ;;
    --devices) devices=${1:-}; shift ;;
    --s3-endpoint) s3_endpoint=${1:-}; shift ;;
    --endpoint) endpoint=${1:-}; shift ;;
    --user-provided-id) user_id=${1:-}; shift ;;
    --no-prompt) no_prompt=1 ;;
    --no-replication) no_replication=1 ;;
    --force-volumes) force_volumes=1 ;;
    --dualstack) dualstack=1 ;;
    --tags)
      while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do
        tags+=("$1")
        shift
      done
      ;;
    *) echo "error: unrecognized arguments: $arg" >&2; exit 2 ;;
  esac
done
: "$s3_endpoint"

if [ "$force_volumes" = 1 ] && [ "$no_prompt" = 0 ]; then
  echo "error: --force-volumes requires --no-prompt" >&2
  exit 2
fi
if [ "$dualstack" = 1 ] && [ -z "$endpoint" ]; then
  echo "error: --dualstack requires --endpoint" >&2
  exit 2
fi

ask_secret() {
  if [ "$secret_prompts" = stdout ]; then printf '%s' "$1"; else printf '%s' "$1" >&2; fi
}
end_secret() {
  if [ "$secret_prompts" = stdout ]; then echo '****'; else echo >&2; fi
}

echo "The installation of the AWS Replication Agent has started."
if [ -z "$region" ]; then
  printf 'AWS Region Name: '
  IFS= read -r region || fail "no AWS Region was given"
fi
if [ -z "$key_id" ]; then
  printf 'AWS Access Key ID: '
  IFS= read -r key_id || fail "no AWS access key ID was given"
fi
if [ -z "$secret" ]; then
  ask_secret 'AWS Secret Access Key: '
  IFS= read -rs secret || fail "no AWS secret access key was given"
  end_secret
fi
if [ -z "$token" ] && [ "${key_id#ASIA}" != "$key_id" ]; then
  ask_secret 'AWS Session Token: '
  IFS= read -rs token || fail "no AWS session token was given"
  end_secret
fi
[ -n "$endpoint" ] || endpoint=$default_endpoint
[ -n "$endpoint" ] || endpoint="https://mgn.$region.amazonaws.com"
endpoint=${endpoint%/}

config_escape() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '%s' "$s"
}

# the signed POST: keys and token go to curl as a config on its stdin
post() {
  local path=$1 body=$2 out=$3
  local cfg
  cfg=$(printf 'user = "%s:%s"\n' "$(config_escape "$key_id")" "$(config_escape "$secret")")
  if [ -n "$token" ]; then
    cfg+=$'\n'$(printf 'header = "x-amz-security-token: %s"' "$(config_escape "$token")")
  fi
  local digest
  digest=$(sha256sum "$body") || return 1
  printf '%s\n' "$cfg" | curl -sS --config - --max-time 60 -o "$out" -w '%{http_code}' \
    --aws-sigv4 "aws:amz:$region:mgn" -H 'content-type: application/json' \
    -H "x-amz-content-sha256: ${digest%% *}" --data-binary "@$body" "$endpoint$path"
}

work=$(mktemp -d) || fail "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT

echo "Identifying volumes for replication."
all=()
for dir in "$root"/sys/block/*; do
  [ -e "$dir/size" ] || continue
  name=${dir##*/}
  case "$name" in loop* | ram* | sr* | fd* | zram* | dm-* | md*) continue ;; esac
  all+=("/dev/$name")
done
[ ${#all[@]} -gt 0 ] || fail "no disks were found on this server"
if [ "$no_prompt" = 0 ]; then
  echo "Choose the disks you want to replicate. Your disks are: $(IFS=,; echo "${all[*]}")"
  printf '%s' "To replicate some of the disks, type the path of the disks, separated with a comma (for example, /dev/sda,/dev/sdb). To replicate all disks, press Enter: "
  IFS= read -r devices || devices=''
fi
chosen=()
if [ -n "$devices" ]; then
  IFS=, read -r -a chosen <<<"$devices"
else
  chosen=("${all[@]}")
fi
disks_json='' host_disks_json=''
size_of() {
  local sectors
  sectors=$(cat "$root/sys/block/${1#/dev/}/size" 2>/dev/null) || return 1
  echo $((sectors * 512))
}
for dev in "${all[@]}"; do
  bytes=$(size_of "$dev")
  host_disks_json+="${host_disks_json:+,}{\"deviceName\":$(json_string "$dev"),\"bytes\":$bytes}"
done
for dev in "${chosen[@]}"; do
  dev=${dev// /}
  bytes=$(size_of "$dev") || fail "the disk $dev was not found on this server"
  echo "Identified volume for replication: $dev of size $((bytes >> 30)) GiB"
  disks_json+="${disks_json:+,}{\"deviceName\":$(json_string "$dev"),\"bytes\":$bytes}"
done
echo "All volumes for replication were successfully identified."

status=$(printf '{}' >"$work/empty.json"; post /fake-agent/GetAgentInstallationAssetsForMgn \
  "$work/empty.json" "$work/assets.json") || fail "cannot reach $endpoint"
[ "$status" = 200 ] || fail "Failed to validate AWS credentials ($status: $(cat "$work/assets.json"))"

echo "Downloading the AWS Replication Agent onto the source server..."
echo "Finished."
echo "Installing the AWS Replication Agent onto the source server..."
mkdir -p "$root/var/lib/aws-replication-agent" || fail "cannot write the agent's directory"
echo "Finished."

hostname=$(cat "$root/proc/sys/kernel/hostname" 2>/dev/null || hostname)
mac=$(cat "$root/sys/class/net/eth0/address" 2>/dev/null || echo '')
mac=$(echo "$mac" | tr 'a-f:' 'A-F-')
tags_json=''
for tag in "${tags[@]+"${tags[@]}"}"; do
  tags_json+="${tags_json:+,}$(json_string "${tag%%=*}"):$(json_string "${tag#*=}")"
done
{
  printf '{"hostname":%s,"macAddresses":[%s],"disks":[%s],"hostDisks":[%s],"tags":{%s}' \
    "$(json_string "$hostname")" "${mac:+$(json_string "$mac")}" "$disks_json" \
    "$host_disks_json" "$tags_json"
  [ -z "$user_id" ] || printf ',"userProvidedID":%s' "$(json_string "$user_id")"
  [ "$no_replication" = 0 ] || printf ',"noReplication":true'
  printf '}'
} >"$work/register.json"

echo "Syncing the source server with the Application Migration Service Console..."
status=$(post /fake-agent/RegisterAgentForMgn "$work/register.json" "$work/answer.json") \
  || fail "cannot reach $endpoint"
answer=$(cat "$work/answer.json")
[ "$status" = 200 ] || fail "$status: $answer"
id=$(printf '%s' "$answer" | sed -n 's/.*"sourceServerID" *: *"\(s-[0-9a-zA-Z]*\)".*/\1/p')
[ -n "$id" ] || fail "no source server ID in the answer: $answer"
echo "Finished."
echo "The following is the source server ID: $id."
echo "The AWS Replication Agent was successfully installed."
