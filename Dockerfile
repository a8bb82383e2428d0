# syntax=docker/dockerfile:1
#
# spinemet-efficacy prediction service: multi-stage image, linux-x86_64 only.
#
#   docker build -t spinemet-efficacy .
#   docker run --rm -p 8080:8080 -p 9000:9000 --env-file spinemet.env spinemet-efficacy
#
# Authentication of /api/v1 is ON: spinemet.env sets the identity provider (MP_JWT_VERIFY_PUBLICKEY_LOCATION,
# MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES; README "Deploying in a hospital"); without them the service refuses
# to start. SPINEMET_SECURITY_AUTH_ENABLED=false turns it off and then binds 127.0.0.1 only (unreachable through -p).
#
# Models: the image serves the models bundled into the jar (models/*.json). A hospital mounts its own
# model directory and points the config property spinemet.models.dir at it (env SPINEMET_MODELS_DIR):
#
#   docker run --rm -p 8080:8080 -v /path/to/models:/models:ro -e SPINEMET_MODELS_DIR=/models spinemet-efficacy
#
# Retraining from inside the image (the train command binds no port; mount a cohort and an output dir
# writable by uid 185):
#
#   docker run --rm -v "$PWD/cohort:/cohort:ro" -v "$PWD/out:/out" spinemet-efficacy \
#       train --cohort /cohort/my-cohort.csv --out /out
#
# Heap: JAVA_TOOL_OPTIONS holds the default (-XX:+UseSerialGC -Xmx128m) and nothing on the java command line
# overrides it, so -e JAVA_TOOL_OPTIONS='-XX:+UseSerialGC -Xmx512m' (or -XX:MaxRAMPercentage=75 with docker -m)
# sets it. Further JVM options: -e JAVA_OPTS_APPEND='...' (after the defaults, so a later -Xmx there wins too).
# Management port 9000: probes /q/health/started, /q/health/live and /q/health/ready; metrics at /q/metrics;
# OpenAPI at /q/openapi. Kubernetes manifests: deploy/kubernetes/kubernetes.yml.

############################ build ############################
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Maven wrapper and POM first: this layer (Maven 3.9.16 itself plus every plugin and dependency, including
# Quarkus' deployment artifacts) is cached until pom.xml or the wrapper changes. (dependency:go-offline
# cannot be used: it fails on an optional Quarkus artifact whose parent POM is not published.)
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw \
 && ./mvnw -B -ntp -Pcontainer quarkus:go-offline dependency:resolve-plugins

COPY src/ src/
COPY models/ models/
COPY openapi/ openapi/
# -Pcontainer keeps only the linux-x86_64 natives of javacpp / OpenBLAS / ARPACK-NG (see pom.xml).
# No start-up (class-data-sharing) archive here: it must be dumped by the JVM that will use it, and the runtime
# image has a JRE.
RUN ./mvnw -B -ntp -Pcontainer package -DskipTests -Dstartup-archive.skip=true \
 && ls target/quarkus-app/lib/main | grep bytedeco \
 && ! ls target/quarkus-app/lib/main | grep -E 'bytedeco.*-(windows|macosx)-'

############################ runtime ############################
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="spinemet-efficacy" \
      org.opencontainers.image.description="Predicts good efficacy (symptom relief > 3 months) of palliative surgery for spinal metastases" \
      org.opencontainers.image.licenses="GPL-3.0-or-later"

# Non-root user. It gets a writable home because javacpp unpacks its native libraries (OpenBLAS, ARPACK) to
# ~/.javacpp/cache at first use; under an arbitrary --user uid it falls back to /tmp, so with
# --read-only give it a tmpfs: --read-only --tmpfs /tmp.
RUN groupadd --system --gid 185 spinemet \
 && useradd --system --uid 185 --gid 185 --create-home --home-dir /home/spinemet --shell /usr/sbin/nologin spinemet

WORKDIR /deployments
# The fast-jar layout, least frequently changing parts first. The files stay root-owned: the service
# cannot modify its own code.
COPY --from=build /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /build/target/quarkus-app/*.jar /deployments/
COPY --from=build /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build /build/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
EXPOSE 8080 9000
# A small serial-GC heap by default, as the README runs it (the service's live set is a few tens of MB), settable:
# the heap flags live in the environment, not on the command line, where they would override any setting.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx128m" \
    JAVA_OPTS_APPEND=""
# exec: java is PID 1 and receives SIGTERM itself (graceful shutdown, quarkus.shutdown.timeout).
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS_APPEND -Dquarkus.http.host=0.0.0.0 -jar /deployments/quarkus-run.jar \"$@\"", "--"]
