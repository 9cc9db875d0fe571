package render

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/outputs"
)

// PlanOutputs writes what apply produced, for people: the ids and URLs an
// app needs, then the Lambda permission commands to run, if any.
func PlanOutputs(w io.Writer, o outputs.Summary, lambdaCommands []string) error {
	var b strings.Builder
	b.WriteString("\nOutputs:\n")
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %-15s %s\n", k, v)
		}
	}
	row("user_pool_id", o.UserPoolID)
	row("user_pool_arn", o.UserPoolARN)
	row("issuer_url", o.IssuerURL)
	row("jwks_url", o.JWKSURL)
	row("hosted_ui_url", o.HostedUIURL)
	names := make([]string, 0, len(o.AppClientIDs))
	for n := range o.AppClientIDs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row("client "+n, o.AppClientIDs[n])
	}
	for _, n := range names {
		row("sign-in "+n, o.SignInURLs[n])
		row("sign-out "+n, o.SignOutURLs[n])
	}
	row("identity_pool_id", o.IdentityPoolID)
	row("auth_role_arn", o.AuthenticatedRoleARN)
	row("unauth_role_arn", o.UnauthenticatedRoleARN)
	for _, g := range slices.Sorted(maps.Keys(o.GroupRoleARNs)) {
		row("role "+g, o.GroupRoleARNs[g])
	}
	if len(lambdaCommands) > 0 {
		b.WriteString("\nCognito needs permission to invoke your triggers; cogwiz does not change Lambda.\nRun once per function:\n")
		for _, c := range lambdaCommands {
			fmt.Fprintf(&b, "  %s\n", c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
