package outputs

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

// PickClient chooses the app client the front-end files name, from the
// file: the one named (--client), or else the first app client in the
// file without a secret. A browser or a mobile app cannot keep a secret,
// so a client with one is never chosen and cannot be named; Amplify's own
// web client (<name>_app_clientWeb, which `cogwiz import amplify` writes
// first) is the one picked for a project carried over from Amplify.
func PickClient(d *config.Config, name string) (string, error) {
	const addOne = "add one under app_clients with generate_secret: false"
	if name != "" {
		for _, c := range d.AppClients {
			if c.Name != name {
				continue
			}
			if c.GenerateSecret {
				return "", &ClientError{fmt.Sprintf("app client %s has a secret: a browser or mobile app cannot keep one, so the front-end outputs never name it", name),
					"name a client with generate_secret: false in --client, or " + addOne}
			}
			return name, nil
		}
		return "", &ClientError{fmt.Sprintf("no app client named %q in the file", name), "use one of " + clientNames(d)}
	}
	for _, c := range d.AppClients {
		if !c.GenerateSecret {
			return c.Name, nil
		}
	}
	if len(d.AppClients) == 0 {
		return "", &ClientError{"the file has no app client, and the front-end outputs name one", addOne}
	}
	return "", &ClientError{"every app client in the file has a secret, and a browser or mobile app cannot keep one", addOne}
}

// ClientError says why no app client can be named in the front-end
// outputs, and how to fix it.
type ClientError struct{ msg, hint string }

func (e *ClientError) Error() string { return e.msg }

// Hint is the fix.
func (e *ClientError) Hint() string { return e.hint }

func clientNames(d *config.Config) string {
	names := make([]string, 0, len(d.AppClients))
	for _, c := range d.AppClients {
		names = append(names, c.Name)
	}
	if len(names) == 0 {
		return "(none: the file has no app_clients)"
	}
	return strings.Join(names, ", ")
}

// frontEndConfig is what every front-end format says, in neutral terms,
// taken from the live pool.
type frontEndConfig struct {
	Region         string
	UserPoolID     string
	ClientID       string
	IdentityPoolID string
	// GuestAccess: the identity pool hands out credentials without a
	// sign-in (identity_pool.allow_unauthenticated).
	GuestAccess bool
	// UsernameAttributes: email, phone_number, or none for a username.
	UsernameAttributes []string
	RequiredAttributes []string
	VerifiedAttributes []string
	// MFA is Cognito's OFF, ON or OPTIONAL; MFAMethods SMS, TOTP, EMAIL.
	MFA        string
	MFAMethods []string
	Password   passwordPolicy
	Groups     []config.Group
	// OAuth is nil without a hosted UI for the client.
	OAuth *oauth
	// IssuerURL is empty outside AWS (an emulator's pool).
	IssuerURL string
	// FederatedIdentityPool: the identity pool trusts social providers
	// directly (Amplify's federationTarget).
	FederatedIdentityPool bool
}

type passwordPolicy struct {
	MinLength                                                          int
	RequireLowercase, RequireUppercase, RequireNumbers, RequireSymbols bool
}

type oauth struct {
	// Domain is the hosted UI's host name, without https://.
	Domain       string
	Scopes       []string
	SignIn       []string
	SignOut      []string
	ResponseType string
	// Providers are the social identity providers of the client, by
	// their Cognito names (Google, Facebook, LoginWithAmazon,
	// SignInWithApple); OIDC and SAML providers are not listed, as
	// Amplify lists them nowhere.
	Providers []string
}

// socialProviders are the providers both Amplify formats can list, with
// their names in amplify_outputs.json and in aws-exports.js.
var socialProviders = map[string][2]string{
	config.IdPGoogle:   {"GOOGLE", "GOOGLE"},
	config.IdPFacebook: {"FACEBOOK", "FACEBOOK"},
	config.IdPAmazon:   {"LOGIN_WITH_AMAZON", "AMAZON"},
	config.IdPApple:    {"SIGN_IN_WITH_APPLE", "APPLE"},
}

// defaultMinLength is Cognito's minimum password length when the pool
// sets none.
// https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
const defaultMinLength = 8

func frontEnd(in Input) (*frontEndConfig, []string, error) {
	st := in.State
	if st == nil || st.Config == nil {
		return nil, nil, fmt.Errorf("the user pool was not read")
	}
	live := st.Config
	var client *config.AppClient
	for i := range live.AppClients {
		if live.AppClients[i].Name == in.Client {
			client = &live.AppClients[i]
		}
	}
	if client == nil || client.ID == "" {
		return nil, nil, fmt.Errorf("app client %s is not in user pool %s: run cogwiz apply, or pick another client with --client", in.Client, st.PoolID)
	}
	if client.GenerateSecret {
		return nil, nil, fmt.Errorf("app client %s has a secret in Cognito: the front-end outputs never name such a client; pick another with --client", in.Client)
	}
	up := live.UserPool
	fe := &frontEndConfig{
		Region:             poolRegion(st),
		UserPoolID:         st.PoolID,
		ClientID:           client.ID,
		UsernameAttributes: nonNil(up.SignIn.UsernameAttributes),
		RequiredAttributes: standardOnly(up.Attributes.Required),
		VerifiedAttributes: []string{},
		MFA:                config.MFAOff,
		MFAMethods:         []string{},
		Password:           passwordPolicy{MinLength: defaultMinLength},
	}
	fe.IssuerURL = issuerURL(fe.Region, st.PoolID)
	if v := up.Verification; v != nil {
		fe.VerifiedAttributes = nonNil(v.AutoVerifiedAttributes)
	}
	if m := up.MFA; m != nil && m.Mode != "" {
		fe.MFA = m.Mode
		for _, f := range m.Factors {
			fe.MFAMethods = append(fe.MFAMethods, strings.ToUpper(f))
		}
	}
	if p := up.PasswordPolicy; p != nil {
		fe.Password = passwordPolicy{MinLength: defaultMinLength, RequireLowercase: p.RequireLowercase,
			RequireUppercase: p.RequireUppercase, RequireNumbers: p.RequireNumbers, RequireSymbols: p.RequireSymbols}
		if p.MinimumLength != nil {
			fe.Password.MinLength = *p.MinimumLength
		}
	}
	fe.Groups = slices.Clone(up.Groups)
	// Highest priority (lowest precedence) first, groups without one last.
	slices.SortStableFunc(fe.Groups, func(a, b config.Group) int {
		switch {
		case a.Precedence == nil && b.Precedence == nil:
			return cmp.Compare(a.Name, b.Name)
		case a.Precedence == nil:
			return 1
		case b.Precedence == nil:
			return -1
		}
		return cmp.Or(cmp.Compare(*a.Precedence, *b.Precedence), cmp.Compare(a.Name, b.Name))
	})
	if id := in.Identity; id != nil && id.Pool != nil {
		fe.IdentityPoolID = id.Pool.ID
		fe.GuestAccess = id.Pool.AllowUnauthenticated
		fe.FederatedIdentityPool = len(id.Pool.LoginProviders) > 0
	}
	var notes []string
	fe.OAuth, notes = hostedUI(live, client, fe.Region)
	return fe, notes, nil
}

// hostedUI is the client's hosted UI settings, when the pool has a domain
// and the client uses the authorization code or implicit flow with
// callback and sign-out URLs (Amplify needs all of them).
func hostedUI(live *config.Config, c *config.AppClient, region string) (*oauth, []string) {
	o := c.OAuth
	if o == nil {
		return nil, nil
	}
	rt := responseType(o.Flows)
	if rt == "" {
		return nil, nil // client credentials only: no hosted UI
	}
	leftOut := func(why string) []string {
		return []string{fmt.Sprintf("the hosted UI settings of app client %s are left out: %s", c.Name, why)}
	}
	d := live.Domain
	if d == nil || (d.CustomDomain == "" && d.Prefix == "") {
		return nil, leftOut("the user pool has no domain; add domain.prefix (or domain.custom_domain) and apply")
	}
	if len(o.CallbackURLs) == 0 || len(o.LogoutURLs) == 0 {
		return nil, leftOut("Amplify needs at least one callback URL and one sign-out URL; set app_clients[" + c.Name + "].oauth.callback_urls and logout_urls and apply")
	}
	host := hostedUIHost(d, region)
	if host == "" {
		return nil, leftOut("the pool's domain has no hosted UI address here (region " + region + ")")
	}
	out := &oauth{Domain: host, Scopes: nonNil(o.Scopes), SignIn: o.CallbackURLs, SignOut: o.LogoutURLs, ResponseType: rt, Providers: []string{}}
	for _, p := range o.IdentityProviders {
		if _, ok := socialProviders[p]; ok {
			out.Providers = append(out.Providers, p)
		}
	}
	return out, nil
}

// standardAttributes are the attributes amplify_outputs.json can list as
// required (its AmazonCognitoStandardAttributes).
var standardAttributes = []string{"address", "birthdate", "email", "family_name", "gender", "given_name", "locale",
	"middle_name", "name", "nickname", "phone_number", "picture", "preferred_username", "profile", "sub",
	"updated_at", "website", "zoneinfo"}

func standardOnly(attrs []string) []string {
	out := []string{}
	for _, a := range attrs {
		if slices.Contains(standardAttributes, a) {
			out = append(out, a)
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// awsRegion matches region names such as us-east-1 or us-gov-west-1.
var awsRegion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+$`) })

// poolRegion is the region in the pool's ARN
// (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID): where the pool is.
// An emulator's says so too (cognito-local's is "local"), which the
// client libraries accept: they take a user pool's region from its id.
func poolRegion(st *cognito.State) string {
	region, _ := awsclient.ARNRegionAccount(st.PoolARN)
	return region
}

// issuerURL is the iss claim of the pool's tokens, on AWS; empty for an
// emulator, whose issuer is its own address.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
func issuerURL(region, poolID string) string {
	if !awsRegion().MatchString(region) {
		return ""
	}
	return fmt.Sprintf("https://cognito-idp.%s.amazonaws.com/%s", region, poolID)
}

// hostedUIHost is the host of the pool's hosted UI: its custom domain, or
// its prefix domain in an AWS region; empty without a domain (and for an
// emulator's prefix, which has no such host).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html
func hostedUIHost(d *config.Domain, region string) string {
	switch {
	case d == nil:
		return ""
	case d.CustomDomain != "":
		return d.CustomDomain
	case d.Prefix != "" && awsRegion().MatchString(region):
		return fmt.Sprintf("%s.auth.%s.amazoncognito.com", d.Prefix, region)
	}
	return ""
}

// responseType is the OAuth response_type of a client's flows: code for
// the authorization code grant, token for the implicit one, empty for
// client credentials alone (no hosted UI).
func responseType(flows []string) string {
	switch {
	case slices.Contains(flows, "code"):
		return "code"
	case slices.Contains(flows, "implicit"):
		return "token"
	}
	return ""
}

// marshal is JSON with the given indent, a final newline, and <, > and &
// kept as they are (URLs are written as the user wrote them).
func marshal(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
