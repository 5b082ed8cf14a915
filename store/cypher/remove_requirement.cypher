MATCH (:Role {id: $from})-[e:REQUIRES]->(:Skill {id: $to})
DELETE e
RETURN count(*) AS removed
