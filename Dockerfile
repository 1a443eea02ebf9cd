# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml openapi.properties ./
RUN mvn -B -ntp -q dependency:go-offline
COPY config ./config
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

# Run stage: a slim JRE running the jar as a non-root user.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app bhr
WORKDIR /app
COPY --from=build /build/target/bhr-assistant-*.jar /app/bhr-assistant.jar
COPY knowledge-base /app/knowledge-base
COPY config /app/config
RUN mkdir -p /app/data && chown -R bhr:bhr /app/data
USER bhr
ENV KB_DIR=/app/knowledge-base \
    DATA_DIR=/app/data \
    JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/bhr-assistant.jar"]
