MATCH (:Role {id: $from})-[e:PROGRESSES_TO]->(:Role {id: $to})
DELETE e
RETURN count(*) AS removed
