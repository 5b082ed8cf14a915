// Runs graphql-http's server audits (the GraphQL over HTTP specification's MUST and
// SHOULD rules) against the careergraph endpoint given as the first argument, and prints
// one JSON line: {"results": [{"id", "name", "status", "reason"}]}. make test runs it from
// httpapi's tests against a live server.
import { auditServer } from "graphql-http";

const url = process.argv[2];
const results = await auditServer({ url });
console.log(JSON.stringify({
  results: results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? "" })),
}));
