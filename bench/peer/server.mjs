// The peer in make bench: the Neo4j GraphQL Library serving the same career graph, with
// @cypher fields for career paths and recommendations, on GraphQL Yoga (Node's http).
// Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT.
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Role @node {
    id: ID!
    title: String!
    track: String
    level: String
    summary: String
    salaryMin: Int
    salaryMax: Int
    skills: [Skill!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Requires")
    certifications: [Certification!]! @relationship(type: "VALUES", direction: OUT, properties: "Values")
    nextRoles: [Role!]! @relationship(type: "PROGRESSES_TO", direction: OUT, properties: "Progression")
  }
  type Skill @node {
    id: ID!
    name: String!
    category: String
  }
  type Certification @node {
    id: ID!
    name: String!
    vendor: String
  }
  type Requires @relationshipProperties {
    importance: Float!
    level: Float!
  }
  type Values @relationshipProperties {
    relevance: String!
  }
  type Progression @relationshipProperties {
    typicalYears: Float!
    kind: String!
  }
  type CareerPath {
    totalYears: Float!
    roleIds: [ID!]!
  }
  type Recommendation {
    roleId: ID!
    score: Float!
  }
  type Query {
    careerPaths(from: ID!, to: ID!, first: Int!): [CareerPath!]!
      @cypher(
        statement: """
        MATCH (a:Role {id: $from}), (b:Role {id: $to})
        MATCH p = (a)(()-[r:PROGRESSES_TO]->(x:Role)){1,6}(b)
        WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
        WITH p, reduce(y = 0.0, e IN relationships(p) | y + e.typicalYears) AS years,
             reduce(k = '', n IN nodes(p) | k + n.id + '>') AS key
        ORDER BY years, key
        LIMIT $first
        RETURN {totalYears: years, roleIds: [n IN nodes(p) | n.id]} AS path
        """
        columnName: "path"
      )
    recommendations(role: ID!, first: Int!): [Recommendation!]!
      @cypher(
        statement: """
        MATCH (me:Role {id: $role})
        OPTIONAL MATCH (me)-[h:REQUIRES]->(hs:Skill)
        WITH me, collect({skill: hs.id, level: h.level}) AS held
        MATCH (r:Role)-[e:REQUIRES]->(s:Skill) WHERE r <> me
        WITH me, r, sum(e.importance) AS possible,
             sum(CASE WHEN any(x IN held WHERE x.skill = s.id AND x.level >= e.level) THEN e.importance ELSE 0 END) AS met
        OPTIONAL MATCH (me)-[m:PROGRESSES_TO]->(r)
        WITH r, 0.7 * met / possible + 0.3 * CASE m.kind WHEN 'PROMOTION' THEN 1.0 WHEN 'SPECIALIZATION' THEN 0.85
             WHEN 'LATERAL' THEN 0.6 ELSE 0.3 END AS score
        ORDER BY score DESC, r.id
        LIMIT $first
        RETURN {roleId: r.id, score: score} AS rec
        """
        columnName: "rec"
      )
  }
`;

const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const auth = process.env.NEO4J_USER ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD || "") : undefined;
const driver = neo4j.driver(uri, auth);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, graphqlEndpoint: "/graphql", logging: false, graphiql: false });
const port = Number(process.env.PORT || 4000);
createServer(yoga).listen(port, "127.0.0.1", () => console.log(`peer listening on 127.0.0.1:${port}`));
process.on("SIGTERM", async () => { await driver.close(); process.exit(0); });
