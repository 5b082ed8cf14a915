# careergraph service image: the server, the importer, the curated dataset and the
# playground's GraphiQL files (installed from the npm registry at build time).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/careergraph . \
 && CGO_ENABLED=0 go build -trimpath -o /out/careergraph-import ./cmd/careergraph-import

FROM node:20-slim AS playground
WORKDIR /playground
COPY playground/package.json playground/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /out/careergraph /out/careergraph-import /app/
COPY dataset/ /app/dataset/
COPY --from=playground /playground/node_modules /app/playground/node_modules
ENV ADDR=0.0.0.0:8080 \
    LOG_FORMAT=json \
    PLAYGROUND_ASSETS=/app/playground/node_modules \
    DATASET=/app/dataset/it-infrastructure.yaml
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/app/careergraph"]
