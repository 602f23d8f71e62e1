#!/usr/bin/env bash
# Builds every service's container image from its Dockerfile with podman, starts the five images with host
# networking against a real PostgreSQL and Kafka, waits until each is ready and drives one journey through the
# containerised gateway (system-tests' ContainerImagesIT). Run it after `./mvnw -B verify`: the images take the
# packaged applications from */target/quarkus-app. Needs root on Debian (it installs podman and debootstrap with apt
# where they are missing). The images' official base cannot be pulled here, so they are built FROM a Java 17 base
# made from Debian packages, kept as a podman image and under $BASE_CACHE for the next run. Prints how long each
# step took; removes its containers whatever happens (ContainerImagesIT does, at its end).
set -euo pipefail
cd "$(dirname "$0")/../.."

SERVICES=(catalog-service plan-service progress-service webhook-service gateway)
BASE_IMAGE=${PHYSIORUN_BASE_IMAGE:-localhost/physiorun/java17-base:bookworm}
BASE_CACHE=${PHYSIORUN_BASE_CACHE:-/var/cache/physiorun/java17-base-bookworm}
TAG=${PHYSIORUN_IMAGE_TAG:-ci}

now() { date +%s%N; }
took() { # what, start (from now)
  local ms=$(( ($(now) - $2) / 1000000 ))
  printf 'TIMING %-30s %4d.%d s\n' "$1" $((ms / 1000)) $((ms % 1000 / 100))
}

missing=()
command -v podman > /dev/null || missing+=(podman)
command -v debootstrap > /dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if podman image exists "$BASE_IMAGE"; then
  echo "Base image $BASE_IMAGE: present"
else
  if [ ! -x "$BASE_CACHE/usr/bin/java" ]; then
    # The mirror apt uses here (deb.debian.org unless configured otherwise).
    mirror=$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
      | head -n 1 | tr -d ' ' || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    start=$(now)
    rm -rf "$BASE_CACHE.partial"
    mkdir -p "$(dirname "$BASE_CACHE")"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$BASE_CACHE.partial" "$mirror" \
      > "$(dirname "$BASE_CACHE")/debootstrap.log"
    # Renamed only once complete, so that an interrupted run starts again instead of importing half a system.
    mv "$BASE_CACHE.partial" "$BASE_CACHE"
    took "debootstrap (Java 17 base)" "$start"
  fi
  start=$(now)
  tar -C "$BASE_CACHE" -c . | podman import -q - "$BASE_IMAGE" > /dev/null
  took "podman import" "$start"
fi

for service in "${SERVICES[@]}"; do
  start=$(now)
  podman build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -f "$service/src/main/docker/Dockerfile.jvm" \
    -t "physiorun/$service:$TAG" "$service" > /dev/null
  took "build $service" "$start"
done

# The servers, the containers and the journey: a test, so that it has the tests' servers and tokens. Only this
# class runs; the modules it needs were compiled by the verify before. The test removes its containers; the trap
# removes any that a crash left behind.
trap 'podman ps -aq --filter label=physiorun.test=container-images | xargs -r podman rm -f > /dev/null' EXIT
start=$(now)
./mvnw -B -q -pl system-tests -am test-compile failsafe:integration-test failsafe:verify \
  -Dit.test=ContainerImagesIT -Dfailsafe.failIfNoSpecifiedTests=false -Dphysiorun.images.tag="$TAG"
took "ContainerImagesIT (all)" "$start"
