package config

import (
	"strings"
)

// Secrets never live in cognito.yaml: the file holds a reference,
// "${env:NAME}", and the value is read from the environment when it is
// needed (apply, export). A committed file therefore never leaks one.

// envNamePattern is a POSIX-portable environment variable name.
var envNamePattern = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_]*$`)

const (
	secretRefPrefix = "${env:"
	secretRefSuffix = "}"
)

// SecretRefName returns NAME for a "${env:NAME}" reference.
func SecretRefName(s string) (string, bool) {
	if !strings.HasPrefix(s, secretRefPrefix) || !strings.HasSuffix(s, secretRefSuffix) {
		return "", false
	}
	name := s[len(secretRefPrefix) : len(s)-len(secretRefSuffix)]
	if !envNamePattern().MatchString(name) {
		return "", false
	}
	return name, true
}

// SecretRef builds the "${env:NAME}" reference for NAME.
func SecretRef(name string) string { return secretRefPrefix + name + secretRefSuffix }

// IsSecretRef reports whether s is a well-formed "${env:NAME}" reference.
func IsSecretRef(s string) bool {
	_, ok := SecretRefName(s)
	return ok
}

// SecretEnvName suggests an environment variable name for a secret, built
// from its owner and field: ("Google", "client_secret") → GOOGLE_CLIENT_SECRET.
func SecretEnvName(owner, field string) string {
	var b strings.Builder
	for _, part := range []string{owner, field} {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		for _, r := range strings.ToUpper(part) {
			switch {
			case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
				b.WriteRune(r)
			default:
				b.WriteByte('_')
			}
		}
	}
	name := b.String()
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		name = "_" + name
	}
	return name
}

// ValueRef is a key that may hold a ${env:NAME} reference although its
// value is no secret: an identity provider's client id (and Apple's team
// and key ids) and the SMS role's ARN, which Amplify keeps outside the
// project, so cogwiz import amplify writes references for them. Plan and
// apply read the value from the environment; an export takes it as a
// parameter. Value points into the configuration.
type ValueRef struct {
	Path  string
	Value *string
}

// ValueRefs lists the keys of c that may hold such a reference, set or
// not, in file order.
func ValueRefs(c *Config) []ValueRef {
	var out []ValueRef
	for i := range c.IdentityProviders {
		p := &c.IdentityProviders[i]
		base := "identity_providers[" + p.ProviderName() + "]."
		out = append(out, ValueRef{base + "client_id", &p.ClientID}, ValueRef{base + "team_id", &p.TeamID}, ValueRef{base + "key_id", &p.KeyID})
	}
	if s := c.UserPool.SMS; s != nil {
		out = append(out, ValueRef{"user_pool.sms.sns_caller_arn", &s.SNSCallerARN})
	}
	return out
}
