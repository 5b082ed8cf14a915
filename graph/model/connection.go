package model

import "github.com/careergraph/careergraph/domain"

// Connection is a page of a list, as Relay's connections describe it.
type Connection[T any] struct {
	Edges      []Edge[T] `json:"edges"`
	Nodes      []T       `json:"nodes"`
	PageInfo   *PageInfo `json:"pageInfo"`
	TotalCount int       `json:"totalCount"`
}

// Edge is one item of a page, with its cursor.
type Edge[T any] struct {
	Cursor string `json:"cursor"`
	Node   *T     `json:"node"`
}

// The schema's connections and edges, bound in gqlgen.yml.
type (
	RoleConnection          = Connection[domain.Role]
	RoleEdge                = Edge[domain.Role]
	SkillConnection         = Connection[domain.Skill]
	SkillEdge               = Edge[domain.Skill]
	CertificationConnection = Connection[domain.Certification]
	CertificationEdge       = Edge[domain.Certification]
	AreaConnection          = Connection[domain.Area]
	AreaEdge                = Edge[domain.Area]
	WagesConnection         = Connection[domain.Wage]
	WagesEdge               = Edge[domain.Wage]
	DataProblemConnection   = Connection[domain.Problem]
	DataProblemEdge         = Edge[domain.Problem]
)

// Sort returns the field to sort by (title unless o says otherwise) and whether descending.
func (o *RoleOrder) Sort() (field string, desc bool) {
	if o == nil {
		return string(RoleSortFieldTitle), false
	}
	return string(o.Field), o.Direction == SortDirectionDesc
}

// Sort returns the field to sort by (name unless o says otherwise) and whether descending.
func (o *SkillOrder) Sort() (field string, desc bool) {
	if o == nil {
		return string(SkillSortFieldName), false
	}
	return string(o.Field), o.Direction == SortDirectionDesc
}

// Sort returns the field to sort by (name unless o says otherwise) and whether descending.
func (o *CertificationOrder) Sort() (field string, desc bool) {
	if o == nil {
		return string(CertificationSortFieldName), false
	}
	return string(o.Field), o.Direction == SortDirectionDesc
}
