package domain

import "strings"

// Problem is a record read from the graph that failed its check: a property missing,
// of the wrong type, out of range or not in its vocabulary, or an edge whose end is not
// what its type says. Neo4j keeps no property schema, so whatever the service reads is
// checked like a request; a record with a problem is left out of answers and reported.
type Problem struct {
	Kind     string // ProblemKinds
	From     string // the node's id, or the id at the edge's start
	To       string // the id at the edge's end; "" for a node
	Property string // the property at fault; "" when the record as a whole is wrong
	Value    string // the value seen, as text, shortened
	Reason   string // ProblemReasons
	// Field is the GraphQL field the property fills, for a lookup's field error.
	Field string
}

// Kinds of record a problem is found in. The GraphQL schema's DataProblemKind carries
// the same values.
const (
	RecordRole           = "ROLE"
	RecordSkill          = "SKILL"
	RecordCertification  = "CERTIFICATION"
	RecordRequirement    = "REQUIREMENT"    // (:Role)-[:REQUIRES]->(:Skill)
	RecordEndorsement    = "ENDORSEMENT"    // (:Role)-[:VALUES]->(:Certification)
	RecordTechnology     = "TECHNOLOGY"     // (:Role)-[:USES]->(:Skill)
	RecordClassification = "CLASSIFICATION" // (:Role)-[:CLASSIFIED_AS]->(:Role)
	RecordMove           = "MOVE"           // (:Role)-[:PROGRESSES_TO]->(:Role)
	RecordValidation     = "VALIDATION"     // (:Certification)-[:VALIDATES]->(:Skill)
	RecordPrerequisite   = "PREREQUISITE"   // (:Certification)-[:PREPARES_FOR]->(:Certification)
	RecordRelated        = "RELATED"        // (:Role)-[:RELATED_TO]->(:Role), O*NET's related occupations
	RecordWage           = "WAGE"           // (:Wage), one OEWS estimate: From is its area, To its SOC code
	RecordArea           = "AREA"           // (:Area), an OEWS area
)

// Why a record was rejected. The GraphQL schema's DataProblemReason carries the same values.
const (
	ReasonMissing      = "MISSING"       // absent or null where a value is required
	ReasonWrongType    = "WRONG_TYPE"    // text where a number belongs, and the like
	ReasonOutOfRange   = "OUT_OF_RANGE"  // a number outside its scale, negative, NaN or infinite
	ReasonUnknownValue = "UNKNOWN_VALUE" // not one of the vocabulary's values
	ReasonWrongLabel   = "WRONG_LABEL"   // an edge's end is not the kind of node its type joins
	ReasonTooLarge     = "TOO_LARGE"     // a text or list beyond any sensible size
	ReasonDuplicate    = "DUPLICATE"     // a second node with an id already taken
)

// ProblemKinds and ProblemReasons are the vocabularies of Problem.Kind and Problem.Reason.
var (
	ProblemKinds = []string{RecordRole, RecordSkill, RecordCertification, RecordRequirement, RecordEndorsement,
		RecordTechnology, RecordClassification, RecordMove, RecordValidation, RecordPrerequisite, RecordRelated, RecordWage, RecordArea}
	ProblemReasons = []string{ReasonMissing, ReasonWrongType, ReasonOutOfRange, ReasonUnknownValue,
		ReasonWrongLabel, ReasonTooLarge, ReasonDuplicate}
)

// Key identifies a problem: the same record, property and reason give the same key.
func (p Problem) Key() string {
	return strings.Join([]string{p.Kind, p.From, p.To, p.Property, p.Reason}, "\x00")
}

// FieldProblem returns the first problem spoiling a GraphQL field, or nil.
func FieldProblem(problems []Problem, field string) *Problem {
	for i := range problems {
		if problems[i].Field == field {
			return &problems[i]
		}
	}
	return nil
}

// Describe says what is wrong in a sentence a curator can act on.
func (p Problem) Describe() string {
	what := "the " + strings.ToLower(p.Kind) + " " + p.From
	if p.To != "" || p.Kind != RecordRole && p.Kind != RecordSkill && p.Kind != RecordCertification {
		what += " → " + p.To
	}
	prop := "property " + p.Property
	if p.Property == "" {
		prop = "the record"
	}
	switch p.Reason {
	case ReasonMissing:
		if p.Property == "id" && p.To == "" && p.From != "" && p.Kind != RecordRole && p.Kind != RecordSkill && p.Kind != RecordCertification {
			return what + ": the node at its end has no id"
		}
		return what + ": " + prop + " is missing or empty"
	case ReasonWrongType:
		return what + ": " + prop + " holds " + p.Value + ", a value of the wrong type"
	case ReasonOutOfRange:
		return what + ": " + prop + " is " + p.Value + ", outside its range"
	case ReasonUnknownValue:
		return what + ": " + prop + " is " + p.Value + ", not one of the allowed values"
	case ReasonWrongLabel:
		return what + ": the node at its end is labelled " + p.Value + ", not as this kind of edge requires"
	case ReasonTooLarge:
		return what + ": " + prop + " is too large (" + p.Value + ")"
	case ReasonDuplicate:
		if p.To != "" {
			return what + ": a second edge of this type between the same two nodes"
		}
		return what + ": a second node with this id"
	}
	return what + ": " + prop + " failed its check (" + p.Reason + ")"
}

// Bad reports whether a property of the role failed its check when read from the graph.
func (r Role) Bad() bool { return len(r.Problems) > 0 }

// Bad reports whether a property of the skill failed its check when read from the graph.
func (s Skill) Bad() bool { return len(s.Problems) > 0 }

// Bad reports whether a property of the certification failed its check when read from the graph.
func (c Certification) Bad() bool { return len(c.Problems) > 0 }
