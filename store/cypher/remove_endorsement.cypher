MATCH (:Role {id: $from})-[e:VALUES]->(:Certification {id: $to})
DELETE e
RETURN count(*) AS removed
