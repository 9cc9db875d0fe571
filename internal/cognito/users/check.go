package users

import (
	"fmt"
	"github.com/cogwiz/cogwiz/internal/config"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// CheckAttributes reports the first attribute in attrs that the pool's
// schema does not declare, so that a typo fails here with the list of
// valid names rather than half-way through a change. Cognito rejects
// such attributes on AWS; some emulators accept them silently.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
func CheckAttributes(pool *types.UserPoolType, attrs map[string]string) error {
	declared := map[string]types.SchemaAttributeType{}
	for _, a := range pool.SchemaAttributes {
		declared[aws.ToString(a.Name)] = a
	}
	names := make([]string, 0, len(attrs))
	for k := range attrs {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "sub" {
			return &Error{Msg: "attribute sub cannot be set: Cognito assigns it", Hint: "drop --attribute sub=..."}
		}
		if _, ok := declared[name]; ok {
			continue
		}
		if _, ok := declared["custom:"+name]; ok {
			return &Error{
				Msg:  fmt.Sprintf("attribute %q is not in the pool's schema", name),
				Hint: fmt.Sprintf("custom attributes carry the custom: prefix: --attribute custom:%s=...", name),
			}
		}
		hint := "the pool declares " + strings.Join(schemaNames(pool), ", ") + "; add custom ones under user_pool.attributes.custom and run `cogwiz apply`"
		if near := closest(name, schemaNames(pool)); near != "" {
			hint = fmt.Sprintf("did you mean %s? %s", near, hint)
		}
		return &Error{Msg: fmt.Sprintf("attribute %q is not in the pool's schema", name), Hint: hint}
	}
	return nil
}

// CheckRequired reports a required attribute missing from attrs. An
// attribute that is also a sign-in identifier (username_attributes) is
// taken from the username.
func CheckRequired(pool *types.UserPoolType, attrs map[string]string) error {
	fromUsername := map[string]bool{}
	for _, a := range pool.UsernameAttributes {
		fromUsername[string(a)] = true
	}
	for _, a := range pool.SchemaAttributes {
		name := aws.ToString(a.Name)
		if name == "sub" {
			continue // Cognito assigns it
		}
		if aws.ToBool(a.Required) && attrs[name] == "" && !fromUsername[name] {
			return &Error{
				Msg:  fmt.Sprintf("attribute %s is required by the pool", name),
				Hint: fmt.Sprintf("add --attribute %s=...", name),
			}
		}
	}
	return nil
}

func schemaNames(pool *types.UserPoolType) []string {
	var names []string
	for _, a := range pool.SchemaAttributes {
		n := aws.ToString(a.Name)
		if n == "sub" || n == "identities" {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// passwordSymbols are the characters Cognito counts as symbols; a space
// that is neither first nor last counts too.
// https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
const passwordSymbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-"

// maxPasswordLen is Cognito's upper bound for any password.
const maxPasswordLen = 256

// CheckPassword checks pw against the pool's password policy, the way
// Cognito does, so that a weak password fails before anything changes.
// It never includes the password in its message.
func CheckPassword(pool *types.UserPoolType, pw string) error {
	hint := "the pool's password_policy asks for " + PolicySummary(pool)
	if n := utf8.RuneCountInString(pw); n > maxPasswordLen {
		return &Error{Msg: fmt.Sprintf("password is %d characters; Cognito allows at most %d", n, maxPasswordLen), Hint: hint}
	}
	if strings.HasPrefix(pw, " ") || strings.HasSuffix(pw, " ") {
		return &Error{Msg: "password starts or ends with a space, which Cognito does not allow", Hint: hint}
	}
	if pool.Policies == nil || pool.Policies.PasswordPolicy == nil {
		return nil
	}
	pp := pool.Policies.PasswordPolicy
	var missing []string
	if min := int(aws.ToInt32(pp.MinimumLength)); utf8.RuneCountInString(pw) < min {
		missing = append(missing, fmt.Sprintf("at least %d characters", min))
	}
	if pp.RequireLowercase && !strings.ContainsAny(pw, "abcdefghijklmnopqrstuvwxyz") {
		missing = append(missing, "a lowercase letter")
	}
	if pp.RequireUppercase && !strings.ContainsAny(pw, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		missing = append(missing, "an uppercase letter")
	}
	if pp.RequireNumbers && !strings.ContainsAny(pw, "0123456789") {
		missing = append(missing, "a number")
	}
	if pp.RequireSymbols && !strings.ContainsAny(strings.TrimSpace(pw), passwordSymbols+" ") {
		missing = append(missing, "a symbol")
	}
	if len(missing) > 0 {
		return &Error{Msg: "password does not meet the pool's password policy: it needs " + strings.Join(missing, ", "), Hint: hint}
	}
	return nil
}

// PolicySummary describes the pool's password policy in words.
func PolicySummary(pool *types.UserPoolType) string {
	if pool.Policies == nil || pool.Policies.PasswordPolicy == nil {
		return "no particular rules"
	}
	pp := pool.Policies.PasswordPolicy
	parts := []string{fmt.Sprintf("at least %d characters", aws.ToInt32(pp.MinimumLength))}
	if pp.RequireLowercase {
		parts = append(parts, "a lowercase letter")
	}
	if pp.RequireUppercase {
		parts = append(parts, "an uppercase letter")
	}
	if pp.RequireNumbers {
		parts = append(parts, "a number")
	}
	if pp.RequireSymbols {
		parts = append(parts, "a symbol")
	}
	return strings.Join(parts, ", ")
}

// closest returns the candidate within two edits of s, if any.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := config.EditDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
