package amplify

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Cognito's flows when a client is created without ExplicitAuthFlows, as
// Amplify creates both of its clients.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows
var defaultAuthFlows = []string{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"}

// clients builds Amplify's two app clients: <name>_app_clientWeb (never a
// secret) and <name>_app_client (secret as answered).
func (im *importer) clients() error {
	in := im.in
	days, ok, err := in.number("userpoolClientRefreshTokenValidity")
	if err != nil {
		return err
	}
	if !ok {
		days = 30
	}
	secret, _ := in.boolean("userpoolClientGenerateSecret")
	setAttrs, _ := in.boolean("userpoolClientSetAttributes")
	read := in.list("userpoolClientReadAttributes")
	write := in.list("userpoolClientWriteAttributes")
	if !setAttrs {
		for _, k := range []string{"userpoolClientReadAttributes", "userpoolClientWriteAttributes"} {
			if in.has(k) {
				im.r.drop(k, "userpoolClientSetAttributes is false, so Amplify did not apply it and the clients read and write every attribute", "nothing to do")
			}
		}
		read, write = nil, nil
	}
	t := im.truncated()
	mk := func(name string, secret bool) config.AppClient {
		return config.AppClient{
			Name:            name,
			GenerateSecret:  secret,
			TokenValidity:   &config.TokenValidity{Refresh: config.Duration{Value: days, Unit: "d"}},
			AuthFlows:       append([]string(nil), defaultAuthFlows...),
			ReadAttributes:  append([]string(nil), read...),
			WriteAttributes: append([]string(nil), write...),
		}
	}
	im.c.AppClients = []config.AppClient{mk(t+"_app_clientWeb", false), mk(t+"_app_client", secret)}
	im.r.note("both Amplify app clients are carried over: %s_app_clientWeb (for web apps, no secret) and %s_app_client (for native apps%s), with the same settings",
		t, t, map[bool]string{true: ", with a secret", false: ""}[secret])
	return nil
}

// oauthMetadata is the JSON text Amplify keeps in oAuthMetadata.
type oauthMetadata struct {
	AllowedOAuthFlows  []string `json:"AllowedOAuthFlows"`
	AllowedOAuthScopes []string `json:"AllowedOAuthScopes"`
	CallbackURLs       []string `json:"CallbackURLs"`
	LogoutURLs         []string `json:"LogoutURLs"`
}

// providerMeta is one entry of hostedUIProviderMeta.
type providerMeta struct {
	ProviderName     string            `json:"ProviderName"`
	AuthorizeScopes  string            `json:"authorize_scopes"`
	AttributeMapping map[string]string `json:"AttributeMapping"`
	APIVersion       string            `json:"api_version"`
}

// providerCreds is one entry of hostedUIProviderCreds. Only the
// non-secret members are declared: the secrets are never read into memory
// that could be printed.
type providerCreds struct {
	ProviderName string `json:"ProviderName"`
	ClientID     string `json:"client_id"`
	TeamID       string `json:"team_id"`
	KeyID        string `json:"key_id"`
}

// The provider secrets, by provider type: which detail holds the secret
// and what it is, for the message telling the user what to set.
var providerSecrets = map[string]struct{ field, what string }{
	config.IdPGoogle:   {"client_secret", "Google web client secret"},
	config.IdPFacebook: {"client_secret", "Facebook app secret"},
	config.IdPAmazon:   {"client_secret", "Login with Amazon client secret"},
	config.IdPApple:    {"private_key", "Sign in with Apple private key"},
}

func (im *importer) oauth() error {
	in := im.in
	hosted, hostedSet := in.boolean("hostedUI")
	var meta oauthMetadata
	if err := in.embedded("oAuthMetadata", &meta); err != nil {
		return fmt.Errorf("oAuthMetadata: %w", err)
	}
	var pmeta []providerMeta
	if err := in.embedded("hostedUIProviderMeta", &pmeta); err != nil {
		return fmt.Errorf("hostedUIProviderMeta: %w", err)
	}
	providers := in.list("authProvidersUserPool")
	domain := in.str("hostedUIDomainName")
	in.mark("hostedUIProviderCreds")

	if hostedSet && !hosted {
		for _, k := range []string{"oAuthMetadata", "hostedUIProviderMeta", "hostedUIDomainName", "authProvidersUserPool", "hostedUIProviderCreds"} {
			if in.has(k) {
				im.r.drop(k, "hostedUI is false, so Amplify does not deploy it", "nothing to do")
			}
		}
		return nil
	}
	if domain != "" {
		im.c.Domain = &config.Domain{Prefix: im.suffix(domain, "-")}
	}
	creds, err := im.providerCreds()
	if err != nil {
		return err
	}
	var names []string
	for _, p := range pmeta {
		idp := config.IdentityProvider{Type: p.ProviderName, AttributeMapping: p.AttributeMapping}
		if _, ok := providerSecrets[p.ProviderName]; !ok {
			im.r.drop("hostedUIProviderMeta: "+p.ProviderName, "not a social provider Amplify offers", "add it under identity_providers by hand")
			continue
		}
		idp.Scopes = splitScopes(p.ProviderName, p.AuthorizeScopes)
		idp.APIVersion = p.APIVersion
		if p.ProviderName == config.IdPFacebook {
			idp.APIVersion = im.facebookVersion(p.APIVersion)
		}
		c := creds[p.ProviderName]
		idp.ClientID, idp.TeamID, idp.KeyID = c.ClientID, c.TeamID, c.KeyID
		// The same variable names the read-back of a live pool uses.
		sec := providerSecrets[p.ProviderName]
		ref := im.r.secret(config.SecretEnvName(p.ProviderName, sec.field), sec.what)
		if sec.field == "private_key" {
			idp.PrivateKey = ref
		} else {
			idp.ClientSecret = ref
		}
		im.providerIDs(&idp)
		im.c.IdentityProviders = append(im.c.IdentityProviders, idp)
		names = append(names, p.ProviderName)
	}
	for _, p := range providers {
		if !contains(names, p) {
			im.r.drop("authProvidersUserPool: "+p, "hostedUIProviderMeta has no entry for it, so Amplify does not deploy it",
				"add it under identity_providers if the pool has it")
		}
	}
	if meta.CallbackURLs == nil && meta.LogoutURLs == nil && meta.AllowedOAuthFlows == nil {
		if hosted {
			im.r.drop("hostedUI", "OAuth is on but oAuthMetadata is missing, so Amplify configures no OAuth on the clients",
				"add app_clients[].oauth if the clients use the hosted UI")
		}
		return nil
	}
	flows := meta.AllowedOAuthFlows
	if len(flows) == 0 {
		flows = []string{"code"}
	}
	scopes := meta.AllowedOAuthScopes
	if len(scopes) == 0 {
		scopes = []string{"phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"}
	}
	callbacks := im.uniqueURLs("CallbackURLs", meta.CallbackURLs)
	logouts := im.uniqueURLs("LogoutURLs", meta.LogoutURLs)
	for i := range im.c.AppClients {
		im.c.AppClients[i].OAuth = &config.OAuth{
			Flows:             append([]string(nil), flows...),
			Scopes:            append([]string(nil), scopes...),
			CallbackURLs:      append([]string(nil), callbacks...),
			LogoutURLs:        append([]string(nil), logouts...),
			IdentityProviders: append([]string{"COGNITO"}, names...),
		}
	}
	return nil
}

// uniqueURLs drops the repeats of a URL list Amplify wrote: its update
// walkthrough concatenates new redirect URIs to the old ones without
// checking (structureOAuthMetadata in
// service-walkthroughs/auth-questions.ts), and a client holds each URL once.
func (im *importer) uniqueURLs(key string, urls []string) []string {
	var out, twice []string
	for _, u := range urls {
		if contains(out, u) {
			if !contains(twice, u) {
				twice = append(twice, u)
			}
			continue
		}
		out = append(out, u)
	}
	if len(twice) > 0 {
		im.r.note("oAuthMetadata lists %s %s more than once; each is kept once", key, strings.Join(twice, ", "))
	}
	return out
}

// facebookVersion writes Facebook's Graph API version the way Cognito
// documents it (v17.0). Amplify passes hostedUIProviderMeta's api_version
// through as typed, and projects hold bare numbers such as "14".
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html#CognitoUserPools-CreateIdentityProvider-request-ProviderDetails
func (im *importer) facebookVersion(v string) string {
	s := strings.TrimPrefix(strings.TrimSpace(v), "v")
	if s == "" {
		return v
	}
	major, minor, hasMinor := strings.Cut(s, ".")
	if !allDigits(major) || (hasMinor && !allDigits(minor)) {
		return v // left for validate to explain
	}
	if !hasMinor {
		minor = "0"
	}
	out := "v" + major + "." + minor
	if out != v {
		im.r.note("Facebook api_version %q is written %s, the form Cognito documents", v, out)
	}
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// providerIDs fills a provider's client id (and Apple's team and key ids)
// when Amplify kept them outside the project: each missing one becomes a
// ${env:NAME} reference that plan and apply read, as for the secret.
func (im *importer) providerIDs(idp *config.IdentityProvider) {
	if idp.ClientID == "" {
		name := config.SecretEnvName(idp.Type, "client_id")
		what := providerIDWhat[idp.Type] + ", for identity_providers[type=" + idp.Type + "].client_id"
		idp.ClientID = im.r.value(name, what)
	}
	if idp.Type == config.IdPApple {
		if idp.TeamID == "" {
			idp.TeamID = im.r.value(config.SecretEnvName(idp.Type, "team_id"), "Apple Team ID, for identity_providers[type=SignInWithApple].team_id")
		}
		if idp.KeyID == "" {
			idp.KeyID = im.r.value(config.SecretEnvName(idp.Type, "key_id"), "Apple Key ID, for identity_providers[type=SignInWithApple].key_id")
		}
	}
}

// providerIDWhat says what each provider calls its client id.
var providerIDWhat = map[string]string{
	config.IdPGoogle:   "Google web client id",
	config.IdPFacebook: "Facebook app id",
	config.IdPAmazon:   "Login with Amazon client id",
	config.IdPApple:    "Sign in with Apple Services ID",
}

// splitScopes reads authorize_scopes: Facebook separates them with commas,
// the other providers with spaces.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html#CognitoUserPools-CreateIdentityProvider-request-ProviderDetails
func splitScopes(provider, s string) []string {
	sep := func(r rune) bool { return r == ' ' || r == '\t' || (provider == config.IdPFacebook && r == ',') }
	return strings.FieldsFunc(s, sep)
}

// providerCreds gathers the non-secret parts of the provider credentials
// from wherever Amplify left them: cli-inputs.json (hand-edited projects),
// team-provider-info.json (old CLI versions) or deployment-secrets.json,
// the last two per environment: a client id every environment agrees on
// is taken, one that differs is reported.
func (im *importer) providerCreds() (map[string]providerCreds, error) {
	add := func(out map[string]providerCreds, v json.RawMessage) error {
		if len(v) == 0 {
			return nil
		}
		var list []providerCreds
		if err := decodeEmbedded(v, &list); err != nil {
			return err
		}
		for _, c := range list {
			if _, ok := out[c.ProviderName]; !ok && c.ClientID != "" {
				out[c.ProviderName] = c
			}
		}
		return nil
	}
	out := map[string]providerCreds{}
	if err := add(out, im.in.raw["hostedUIProviderCreds"]); err != nil {
		// Never quote the value: it holds secrets.
		return nil, fmt.Errorf("hostedUIProviderCreds is not a JSON list of provider credentials")
	}
	byEnv := map[string]map[string]providerCreds{}
	var names []string
	for _, env := range im.scope() {
		m := map[string]providerCreds{}
		if v, ok := im.tpi.values(env, "auth", im.name)["hostedUIProviderCreds"]; ok {
			b, _ := json.Marshal(v)
			if err := add(m, b); err != nil {
				return nil, fmt.Errorf("team-provider-info.json: hostedUIProviderCreds is not a JSON list of provider credentials")
			}
		}
		v, err := readProviderCredsFromSecrets(im.opts.DeploymentSecrets, im.tpi.stackID(env), env, im.name)
		if err != nil {
			return nil, err
		}
		if err := add(m, v); err != nil {
			return nil, fmt.Errorf("%s: hostedUIProviderCreds is not a JSON list of provider credentials", im.opts.DeploymentSecrets)
		}
		byEnv[env] = m
		for n := range m {
			if !contains(names, n) {
				names = append(names, n)
			}
		}
	}
	for _, n := range names {
		if _, ok := out[n]; ok {
			continue
		}
		id, differs := im.agreed(func(env string) string { return byEnv[env][n].ClientID })
		if differs != nil {
			im.differ(n+" client_id", "identity_providers[type="+n+"].client_id", differs)
			continue
		}
		for _, env := range im.scope() {
			if c := byEnv[env][n]; c.ClientID == id {
				out[n] = c
				break
			}
		}
	}
	return out, nil
}
