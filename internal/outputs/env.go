package outputs

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// EnvKeys are the variables of the env format, in the order written.
// A key whose value is empty (no identity pool, no hosted UI, an
// emulator's issuer) is left out.
var EnvKeys = []string{
	"COGNITO_REGION",            // the pool's region
	"COGNITO_USER_POOL_ID",      // the user pool id
	"COGNITO_CLIENT_ID",         // the app client's id (PickClient)
	"COGNITO_IDENTITY_POOL_ID",  // the identity pool id
	"COGNITO_ISSUER",            // the tokens' iss, for a backend that checks them
	"COGNITO_DOMAIN",            // the hosted UI's host name
	"COGNITO_SCOPES",            // the OAuth scopes, space-separated as OAuth sends them
	"COGNITO_REDIRECT_SIGN_IN",  // callback URLs, comma-separated
	"COGNITO_REDIRECT_SIGN_OUT", // sign-out URLs, comma-separated
	"COGNITO_RESPONSE_TYPE",     // code or token
}

func envValues(fe *frontEndConfig) map[string]string {
	v := map[string]string{
		"COGNITO_REGION":           fe.Region,
		"COGNITO_USER_POOL_ID":     fe.UserPoolID,
		"COGNITO_CLIENT_ID":        fe.ClientID,
		"COGNITO_IDENTITY_POOL_ID": fe.IdentityPoolID,
		"COGNITO_ISSUER":           fe.IssuerURL,
	}
	if o := fe.OAuth; o != nil {
		v["COGNITO_DOMAIN"] = o.Domain
		v["COGNITO_SCOPES"] = strings.Join(o.Scopes, " ")
		v["COGNITO_REDIRECT_SIGN_IN"] = strings.Join(o.SignIn, ",")
		v["COGNITO_REDIRECT_SIGN_OUT"] = strings.Join(o.SignOut, ",")
		v["COGNITO_RESPONSE_TYPE"] = o.ResponseType
	}
	return v
}

func envFile(fe *frontEndConfig) []byte {
	var b strings.Builder
	b.WriteString("# Written by cogwiz from what Cognito holds; `cogwiz outputs .env` writes it again.\n")
	b.WriteString("# No secrets: ids, the region and URLs only.\n")
	v := envValues(fe)
	for _, k := range EnvKeys {
		if v[k] != "" {
			fmt.Fprintf(&b, "%s=%s\n", k, envQuote(v[k]))
		}
	}
	return []byte(b.String())
}

// plainEnv is a value every .env reader takes unquoted.
var plainEnv = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_./:,@%+=-]*$`) })

// envQuote quotes a value with other characters (a space between scopes,
// a # that would start a comment): in single quotes, which .env readers
// take literally (no ${...} expansion), or in double quotes with \ and "
// escaped when the value holds a single quote.
func envQuote(s string) string {
	switch {
	case plainEnv().MatchString(s):
		return s
	case !strings.Contains(s, "'"):
		return "'" + s + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
