package render

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/cogwiz/cogwiz/internal/cognito/users"
)

// TryStep writes one step of `cogwiz try`: ✓ or ✗ (– when skipped), its
// name, and what it proves or why it failed, wrapped on word boundaries
// at width columns (0: not at all).
func TryStep(w io.Writer, s users.Step, width int) error {
	var err error
	switch {
	case s.Skipped:
		_, err = fmt.Fprintln(w, Wrap(fmt.Sprintf("– %s: skipped: %s", s.Name, s.Detail), width, "    "))
	case s.OK:
		_, err = fmt.Fprintln(w, Wrap(fmt.Sprintf("✓ %s: %s", s.Name, s.Proves), width, "    "))
		if err == nil && s.Detail != "" {
			_, err = fmt.Fprintln(w, Wrap("    "+s.Detail, width, "    "))
		}
	default:
		_, err = fmt.Fprintln(w, Wrap(fmt.Sprintf("✗ %s: %s", s.Name, s.Detail), width, "    "))
	}
	return err
}

// tryClaimsFirst are the ID token claims shown first, in this order.
var tryClaimsFirst = []string{"iss", "aud", "token_use", "sub", "cognito:username", "email", "email_verified", "auth_time", "iat", "exp"}

// TryClaims writes the ID token's claims: where it came from (issuer,
// audience, expiry) and then every claim.
func TryClaims(w io.Writer, c users.Claims, now time.Time) error {
	fmt.Fprintln(w, "  ID token:")
	fmt.Fprintf(w, "    issued by  %s\n", c.String("iss"))
	fmt.Fprintf(w, "    for        app client %s\n", c.String("aud"))
	if exp := c.Time("exp"); !exp.IsZero() {
		fmt.Fprintf(w, "    expires    %s (in %s)\n", exp.Format(time.RFC3339), exp.Sub(now).Round(time.Minute))
	}
	fmt.Fprintln(w, "  claims:")
	seen := map[string]bool{}
	var names []string
	for _, k := range tryClaimsFirst {
		if _, ok := c[k]; ok {
			names = append(names, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range c {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	names = append(names, rest...)
	width := 0
	for _, k := range names {
		width = max(width, len(k))
	}
	for _, k := range names {
		v := c.String(k)
		if t := c.Time(k); !t.IsZero() && (k == "exp" || k == "iat" || k == "auth_time") {
			v += " (" + t.Format(time.RFC3339) + ")"
		}
		if _, err := fmt.Fprintf(w, "    %-*s  %s\n", width, k, v); err != nil {
			return err
		}
	}
	return nil
}
