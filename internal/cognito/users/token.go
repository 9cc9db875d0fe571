package users

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Claims are the decoded payload of a JWT. They are shown, not trusted:
// the signature is not checked here (Cognito just issued the token over
// TLS).
type Claims map[string]any

// DecodeJWT returns the claims of a JWT's payload.
func DecodeJWT(token string) (Claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, errors.New("not a JWT: want three dot-separated parts")
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return nil, fmt.Errorf("JWT payload is not base64url: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var c Claims
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("JWT payload is not JSON: %w", err)
	}
	return c, nil
}

// String returns a claim as text ("" when absent).
func (c Claims) String(name string) string {
	switch v := c[name].(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, fmt.Sprint(x))
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(v)
	}
}

// Time returns a NumericDate claim (exp, iat, auth_time).
func (c Claims) Time(name string) time.Time {
	n, ok := c[name].(json.Number)
	if !ok {
		return time.Time{}
	}
	sec, err := n.Int64()
	if err != nil {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}
