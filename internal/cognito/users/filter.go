package users

import (
	"fmt"
	"strings"
)

// Searchable lists the attributes ListUsers can filter on. Custom
// attributes are not indexed, so Cognito cannot search them.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
var Searchable = []string{
	"username", "email", "phone_number", "name", "given_name", "family_name",
	"preferred_username", "cognito:user_status", "status", "sub",
}

// Statuses are the values of cognito:user_status.
var Statuses = []string{
	"UNCONFIRMED", "CONFIRMED", "ARCHIVED", "COMPROMISED", "UNKNOWN",
	"RESET_REQUIRED", "FORCE_CHANGE_PASSWORD", "EXTERNAL_PROVIDER",
}

// Filter operators: exact match and prefix match.
const (
	OpEquals = "="
	OpPrefix = "^="
)

// maxFilterLen is ListUsers' limit on the Filter string.
const maxFilterLen = 256

// Filter is one ListUsers condition: Cognito allows exactly one attribute.
type Filter struct {
	Attribute string
	Op        string
	Value     string
}

// String renders the filter in Cognito's syntax, with the spaces around
// the operator that some implementations require and inner quotes and
// backslashes escaped.
func (f Filter) String() string {
	v := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(f.Value)
	return fmt.Sprintf(`%s %s "%s"`, f.Attribute, f.Op, v)
}

func filterError(expr, what string) error {
	return &Error{
		Msg:  fmt.Sprintf("invalid filter %q: %s", expr, what),
		Hint: `write ATTRIBUTE = "VALUE" or ATTRIBUTE ^= "VALUE" (prefix), e.g. --filter 'email ^= "jo"'`,
	}
}

// ParseFilter reads `attribute op "value"` and checks it the way Cognito
// would, so that a mistake is reported before any call.
func ParseFilter(expr string) (Filter, error) {
	s := strings.TrimSpace(expr)
	i := 0
	for i < len(s) && isAttrChar(s[i]) {
		i++
	}
	f := Filter{Attribute: s[:i]}
	if f.Attribute == "" {
		return Filter{}, filterError(expr, "it must start with an attribute name")
	}
	rest := strings.TrimLeft(s[i:], " \t")
	switch {
	case strings.HasPrefix(rest, OpPrefix):
		f.Op, rest = OpPrefix, rest[len(OpPrefix):]
	case strings.HasPrefix(rest, OpEquals):
		f.Op, rest = OpEquals, rest[len(OpEquals):]
	default:
		return Filter{}, filterError(expr, "the operator must be = (exact) or ^= (starts with)")
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, `"`) {
		return Filter{}, filterError(expr, "the value must be in double quotes")
	}
	var b strings.Builder
	closed := false
	j := 1
	for ; j < len(rest); j++ {
		c := rest[j]
		if c == '\\' && j+1 < len(rest) {
			j++
			b.WriteByte(rest[j])
			continue
		}
		if c == '"' {
			closed = true
			break
		}
		b.WriteByte(c)
	}
	if !closed {
		return Filter{}, filterError(expr, "the value's closing quote is missing")
	}
	if tail := strings.TrimSpace(rest[j+1:]); tail != "" {
		return Filter{}, filterError(expr, fmt.Sprintf("unexpected %q after the value: Cognito filters on one attribute only", tail))
	}
	f.Value = b.String()
	if err := f.check(expr); err != nil {
		return Filter{}, err
	}
	return f, nil
}

func isAttrChar(c byte) bool {
	return c == '_' || c == ':' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func (f Filter) check(expr string) error {
	if strings.HasPrefix(f.Attribute, "custom:") || strings.HasPrefix(f.Attribute, "dev:") {
		return &Error{
			Msg:  fmt.Sprintf("invalid filter %q: %s cannot be searched: Cognito does not index custom attributes", expr, f.Attribute),
			Hint: "filter on one of " + strings.Join(Searchable, ", ") + ", then pick by the custom attribute in the output (e.g. --json-lines | jq)",
		}
	}
	known := false
	for _, a := range Searchable {
		if a == f.Attribute {
			known = true
		}
	}
	if !known {
		return &Error{
			Msg:  fmt.Sprintf("invalid filter %q: %s is not a searchable attribute", expr, f.Attribute),
			Hint: "Cognito can search " + strings.Join(Searchable, ", "),
		}
	}
	if f.Attribute == "cognito:user_status" && f.Op == OpEquals && normalStatus(f.Value) == "" {
		return &Error{
			Msg:  fmt.Sprintf("invalid filter %q: unknown user status %q", expr, f.Value),
			Hint: "a status is one of " + strings.Join(Statuses, ", "),
		}
	}
	if n := len(f.String()); n > maxFilterLen {
		return &Error{Msg: fmt.Sprintf("invalid filter: %d characters, Cognito allows %d", n, maxFilterLen), Hint: "search for a shorter prefix"}
	}
	return nil
}

func normalStatus(s string) string {
	for _, v := range Statuses {
		if strings.EqualFold(v, s) {
			return v
		}
	}
	return ""
}

// Query is what `users list` was asked to match: a raw filter expression
// or the friendlier flags, at most one of which may be set because
// Cognito filters on one attribute.
type Query struct {
	Expr        string
	EmailPrefix string
	Status      string
}

// Filter turns q into the one Cognito filter it means; the zero Query
// means every user (an empty filter).
func (q Query) Filter() (string, error) {
	var set []string
	if q.Expr != "" {
		set = append(set, "--filter")
	}
	if q.EmailPrefix != "" {
		set = append(set, "--email-prefix")
	}
	if q.Status != "" {
		set = append(set, "--status")
	}
	if len(set) > 1 {
		return "", &Error{
			Msg:  fmt.Sprintf("%s cannot be combined: Cognito filters on one attribute at a time", strings.Join(set, " and ")),
			Hint: "keep one, then narrow the output further, e.g. --json-lines | jq 'select(.status == \"CONFIRMED\")'",
		}
	}
	switch {
	case q.Expr != "":
		f, err := ParseFilter(q.Expr)
		if err != nil {
			return "", err
		}
		return f.String(), nil
	case q.EmailPrefix != "":
		return Filter{Attribute: "email", Op: OpPrefix, Value: q.EmailPrefix}.String(), nil
	case q.Status != "":
		st := normalStatus(q.Status)
		if st == "" {
			return "", &Error{
				Msg:  fmt.Sprintf("unknown user status %q", q.Status),
				Hint: "--status is one of " + strings.Join(Statuses, ", "),
			}
		}
		return Filter{Attribute: "cognito:user_status", Op: OpEquals, Value: st}.String(), nil
	}
	return "", nil
}
