package plan

import (
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

type differ struct {
	p         *Plan
	state     *cognito.State
	lookupEnv func(string) (string, bool)
	written   func(path string) bool
	// clientIndex maps a client name to its place in the file, for the
	// file's own paths (app_clients[2].oauth...).
	clientIndex map[string]int
	// clientIDs maps each file client matched to a live one to its id.
	clientIDs map[string]string
}

// writtenEmpty reports whether the file writes the key at path with no
// value. path is a plan path; a client's is turned into the file's.
func (df *differ) writtenEmpty(path string) bool {
	if df.written == nil {
		return false
	}
	if rest, ok := strings.CutPrefix(path, "app_clients["); ok {
		name, tail, _ := strings.Cut(rest, "]")
		i, ok := df.clientIndex[name]
		if !ok {
			return false
		}
		path = fmt.Sprintf("app_clients[%d]%s", i, tail)
	}
	return df.written(path)
}

// key compares one key of a section: set in the file, it must match;
// written empty, the live value goes (a change to nil: apply removes it);
// left out, it is not compared.
func (df *differ) key(resource, kind, name, path, live, cfg string) {
	switch {
	case cfg != "":
		df.field(resource, kind, name, path, live, cfg)
	case live != "" && df.writtenEmpty(path):
		df.add(Change{Resource: resource, Kind: kind, Name: name, Path: path, Before: live, Action: Update, Reason: "written empty in the file: removed"})
	}
}

// listKey is key for a list compared as a set.
func (df *differ) listKey(resource, kind, name, path string, live, cfg []string) {
	switch {
	case len(cfg) > 0:
		df.field(resource, kind, name, path, set(live), set(cfg))
	case len(live) > 0 && df.writtenEmpty(path):
		df.add(Change{Resource: resource, Kind: kind, Name: name, Path: path, Before: set(live), Action: Update, Reason: "written empty in the file: removed"})
	}
}

func (df *differ) add(c Change) { df.p.Changes = append(df.p.Changes, c) }

// field records an in-place update when before and after differ.
func (df *differ) field(resource, kind, name, path string, before, after any) {
	if equal(before, after) {
		return
	}
	df.add(Change{Resource: resource, Kind: kind, Name: name, Path: path, Before: before, After: after, Action: Update})
}

// blocked records a create-only change when before and after differ.
func (df *differ) blocked(resource, kind, name, path string, before, after any, fallback string) {
	if equal(before, after) {
		return
	}
	df.add(Change{Resource: resource, Kind: kind, Name: name, Path: path, Before: before, After: after, Action: Blocked, Reason: createOnlyWhy(path, fallback)})
}

// createOnlyWhy prefers the registry's explanation of the key.
func createOnlyWhy(path, fallback string) string {
	if s, ok := config.Lookup(path); ok && s.CreateOnlyWhy != "" {
		return s.CreateOnlyWhy
	}
	return fallback
}

const (
	whySignIn = "Cognito cannot change how users sign in once the pool exists — put the old value back, or create a new pool (a new resource_name) and migrate the users"
	whyCase   = "Cognito cannot change username case sensitivity once the pool exists — put the old value back, or create a new pool (a new resource_name) and migrate the users"
	whyReq    = "Cognito cannot change which standard attributes are required once the pool exists — put the old list back, or create a new pool (a new resource_name) and migrate the users"
	whyCustom = "Cognito cannot change or remove a custom attribute — put it back as it was; to store something new, add an attribute with another name"
	whySecret = "a client secret cannot be switched on or off — give the client a new name to create a new client (a new client id), move your apps to it, then remove the old one"
)

func (df *differ) pool(d, a *config.Config) {
	const r, k = "user_pool", KindPool
	n := d.UserPool.Name
	du, au := &d.UserPool, &a.UserPool
	if du.Name != "" {
		df.field(r, k, n, "user_pool.name", au.Name, du.Name)
	}
	df.blocked(r, k, n, "user_pool.sign_in.username_attributes", set(au.SignIn.UsernameAttributes), set(du.SignIn.UsernameAttributes), whySignIn)
	df.blocked(r, k, n, "user_pool.sign_in.alias_attributes", set(au.SignIn.AliasAttributes), set(du.SignIn.AliasAttributes), whySignIn)
	if du.SignIn.CaseSensitive != nil && au.SignIn.CaseSensitive != nil {
		df.blocked(r, k, n, "user_pool.sign_in.case_sensitive", *au.SignIn.CaseSensitive, *du.SignIn.CaseSensitive, whyCase)
	}
	df.blocked(r, k, n, "user_pool.attributes.required", set(au.Attributes.Required), set(without(du.Attributes.Required, "sub")), whyReq)
	df.customAttributes(du.Attributes.Custom, au.Attributes.Custom)

	if pp := du.PasswordPolicy; pp != nil {
		ap := au.PasswordPolicy
		if ap == nil {
			ap = &config.PasswordPolicy{}
		}
		const pre = "user_pool.password_policy."
		if pp.MinimumLength != nil {
			df.field(r, k, n, pre+"minimum_length", intv(ap.MinimumLength), *pp.MinimumLength)
		}
		df.field(r, k, n, pre+"require_lowercase", ap.RequireLowercase, pp.RequireLowercase)
		df.field(r, k, n, pre+"require_uppercase", ap.RequireUppercase, pp.RequireUppercase)
		df.field(r, k, n, pre+"require_numbers", ap.RequireNumbers, pp.RequireNumbers)
		df.field(r, k, n, pre+"require_symbols", ap.RequireSymbols, pp.RequireSymbols)
		if pp.TemporaryPasswordValidityDays != nil {
			df.field(r, k, n, pre+"temporary_password_validity_days", intv(ap.TemporaryPasswordValidityDays), *pp.TemporaryPasswordValidityDays)
		}
		if pp.PasswordHistorySize != nil {
			df.field(r, k, n, pre+"password_history_size", intv(ap.PasswordHistorySize), *pp.PasswordHistorySize)
		}
	}
	if m := du.MFA; m != nil {
		am := au.MFA
		if am == nil {
			am = &config.MFA{Mode: config.MFAOff}
		}
		df.field(r, k, n, "user_pool.mfa.mode", am.Mode, m.Mode)
		if m.Mode != config.MFAOff {
			df.field(r, k, n, "user_pool.mfa.factors", set(am.Factors), set(m.Factors))
		}
		if m.SMSMessage != "" {
			df.field(r, k, n, "user_pool.mfa.sms_message", am.SMSMessage, m.SMSMessage)
		}
	}
	if s := du.SMS; s != nil {
		as := config.SMS{}
		if au.SMS != nil {
			as = *au.SMS
		}
		df.field(r, k, n, "user_pool.sms.sns_caller_arn", as.SNSCallerARN, s.SNSCallerARN)
		df.key(r, k, n, "user_pool.sms.external_id", as.ExternalID, s.ExternalID)
		df.key(r, k, n, "user_pool.sms.sns_region", as.SNSRegion, s.SNSRegion)
	}
	if v := du.Verification; v != nil {
		av := au.Verification
		if av == nil {
			av = &config.Verification{}
		}
		const pre = "user_pool.verification."
		df.field(r, k, n, pre+"auto_verified_attributes", set(av.AutoVerifiedAttributes), set(v.AutoVerifiedAttributes))
		if v.KeepOriginalUntilVerified != nil {
			df.field(r, k, n, pre+"keep_original_until_verified", boolv(av.KeepOriginalUntilVerified), *v.KeepOriginalUntilVerified)
		}
		for _, f := range []struct {
			key       string
			live, cfg string
		}{
			{"email_style", av.EmailStyle, v.EmailStyle},
			{"email_subject", av.EmailSubject, v.EmailSubject},
			{"email_message", av.EmailMessage, v.EmailMessage},
			{"email_subject_by_link", av.EmailSubjectByLink, v.EmailSubjectByLink},
			{"email_message_by_link", av.EmailMessageByLink, v.EmailMessageByLink},
			{"sms_message", av.SMSMessage, v.SMSMessage},
		} {
			df.key(r, k, n, pre+f.key, f.live, f.cfg)
		}
	}
	if len(du.AccountRecovery) > 0 {
		df.field(r, k, n, "user_pool.account_recovery", au.AccountRecovery, du.AccountRecovery)
	}
	if e := du.EmailSending; e != nil {
		ae := config.EmailSending{Account: "COGNITO_DEFAULT"}
		if au.EmailSending != nil {
			ae = *au.EmailSending
		}
		const pre = "user_pool.email_sending."
		df.field(r, k, n, pre+"account", ae.Account, e.Account)
		for _, f := range []strField{
			{"source_arn", ae.SourceARN, e.SourceARN},
			{"from", ae.From, e.From},
			{"reply_to", ae.ReplyTo, e.ReplyTo},
			{"configuration_set", ae.ConfigurationSet, e.ConfigurationSet},
		} {
			df.key(r, k, n, pre+f.key, f.live, f.cfg)
		}
	}
	if ac := du.AdminCreateUser; ac != nil {
		aa := config.AdminCreateUser{}
		if au.AdminCreateUser != nil {
			aa = *au.AdminCreateUser
		}
		df.field(r, k, n, "user_pool.admin_create_user.admin_only", aa.AdminOnly, ac.AdminOnly)
		for _, f := range []struct{ key, live, cfg string }{
			{"invite_email_subject", aa.InviteEmailSubject, ac.InviteEmailSubject},
			{"invite_email_message", aa.InviteEmailMessage, ac.InviteEmailMessage},
			{"invite_sms_message", aa.InviteSMSMessage, ac.InviteSMSMessage},
		} {
			df.key(r, k, n, "user_pool.admin_create_user."+f.key, f.live, f.cfg)
		}
	}
	// Cognito always reports the feature plan and deletion protection; an
	// endpoint that reports neither (cognito-local) cannot be compared.
	if du.FeaturePlan != "" && au.FeaturePlan != "" {
		df.field(r, k, n, "user_pool.feature_plan", au.FeaturePlan, du.FeaturePlan)
	}
	if du.DeletionProtection != nil && au.DeletionProtection != nil {
		df.field(r, k, n, "user_pool.deletion_protection", *au.DeletionProtection, *du.DeletionProtection)
	}
	if t := du.Triggers; t != nil {
		at := config.Triggers{}
		if au.Triggers != nil {
			at = *au.Triggers
		}
		for _, f := range triggerFields(&at, t) {
			if f.key == "pre_token_generation_version" && f.cfg == "" {
				// Not set in the file: the version stays as Cognito has it
				// (V1_0 for a function given by ARN alone).
				continue
			}
			df.key(r, k, n, "user_pool.triggers."+f.key, f.live, f.cfg)
		}
	}
	if du.Tags != nil {
		df.field(r, k, n, "user_pool.tags", orEmpty(au.Tags), du.Tags)
	}
}

type strField struct{ key, live, cfg string }

func triggerFields(a, d *config.Triggers) []strField {
	return []strField{
		{"pre_sign_up", a.PreSignUp, d.PreSignUp},
		{"custom_message", a.CustomMessage, d.CustomMessage},
		{"post_confirmation", a.PostConfirmation, d.PostConfirmation},
		{"pre_authentication", a.PreAuthentication, d.PreAuthentication},
		{"post_authentication", a.PostAuthentication, d.PostAuthentication},
		{"define_auth_challenge", a.DefineAuthChallenge, d.DefineAuthChallenge},
		{"create_auth_challenge", a.CreateAuthChallenge, d.CreateAuthChallenge},
		{"verify_auth_challenge_response", a.VerifyAuthChallengeResponse, d.VerifyAuthChallengeResponse},
		{"pre_token_generation", a.PreTokenGeneration, d.PreTokenGeneration},
		{"pre_token_generation_version", a.PreTokenGenerationVersion, d.PreTokenGenerationVersion},
		{"user_migration", a.UserMigration, d.UserMigration},
		{"custom_sms_sender", a.CustomSMSSender, d.CustomSMSSender},
		{"custom_email_sender", a.CustomEmailSender, d.CustomEmailSender},
		{"kms_key_id", a.KMSKeyID, d.KMSKeyID},
	}
}

// customAttributes: additions are updates (AddCustomAttributes); a change
// or a removal is blocked.
func (df *differ) customAttributes(desired, actual []config.CustomAttribute) {
	const r, k = "user_pool", KindPool
	n := df.p.PoolName
	live := map[string]config.CustomAttribute{}
	for _, c := range actual {
		live[c.Name] = cognito.NormalizeCustomAttribute(c)
	}
	want := map[string]bool{}
	for _, c := range desired {
		c = cognito.NormalizeCustomAttribute(c)
		want[c.Name] = true
		path := "user_pool.attributes.custom[" + c.Name + "]"
		l, ok := live[c.Name]
		if !ok {
			df.add(Change{Resource: r, Kind: k, Name: n, Path: path, After: c, Action: Update, Reason: "added with AddCustomAttributes"})
			continue
		}
		df.blocked(r, k, n, path, l, c, whyCustom)
	}
	names := make([]string, 0, len(live))
	for name := range live {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !want[name] {
			df.add(Change{Resource: r, Kind: k, Name: n, Path: "user_pool.attributes.custom[" + name + "]", Before: live[name], Action: Blocked, Reason: createOnlyWhy("user_pool.attributes.custom", whyCustom)})
		}
	}
}

// clients matches the file's clients with live ones by id, never by name
// alone: a client's pinned id, or a client cogwiz created (its id, or its
// name, is in the managed record; see cognito.State.ClientOwnership). A
// client cogwiz did not create is never updated or deleted, even when it
// shares a name with one in the file; the file's client is created beside
// it, and the plan says so.
func (df *differ) clients(d, a *config.Config) {
	owned, ambiguous := df.state.ClientOwnership()
	byID := map[string]config.AppClient{}
	for _, c := range a.AppClients {
		byID[c.ID] = c
	}
	seen := map[string]bool{}
	for _, c := range d.AppClients {
		r := clientPath(c.Name)
		if c.ID != "" {
			l, ok := byID[c.ID]
			if !ok {
				df.add(Change{Resource: r, Kind: KindClient, Name: c.Name, Path: r, After: c.Name, Action: Blocked,
					Reason: fmt.Sprintf("the pinned client id %s is not in the pool: remove app_clients[%s].id to create a new client, or pin an id that exists", c.ID, c.Name)})
				continue
			}
			seen[l.ID] = true
			df.keepClient(c.Name, l.ID)
			df.client(r, &c, &l)
			continue
		}
		if ids, ok := ambiguous[c.Name]; ok {
			for _, id := range ids {
				seen[id] = true
			}
			df.add(Change{Resource: r, Kind: KindClient, Name: c.Name, Path: r, After: c.Name, Action: Blocked,
				Reason: fmt.Sprintf("%d clients are named %s (%s) and cogwiz cannot tell which one it created: pin it with app_clients[%s].id", len(ids), c.Name, strings.Join(ids, ", "), c.Name)})
			continue
		}
		var mine []config.AppClient
		for _, l := range a.AppClients {
			if l.Name == c.Name && owned[l.ID] && !seen[l.ID] {
				mine = append(mine, l)
			}
		}
		switch len(mine) {
		case 0:
			df.add(Change{Resource: r, Kind: KindClient, Name: c.Name, Path: r, After: c.Name, Action: Create})
			for _, l := range a.AppClients {
				if l.Name == c.Name && !owned[l.ID] {
					df.p.Notes = append(df.p.Notes, fmt.Sprintf("app client %s (%s) was not made by cogwiz: it is left alone and a new client %s is created; to manage that one instead, pin it with app_clients[%s].id: %s", l.Name, l.ID, c.Name, c.Name, l.ID))
				}
			}
		case 1:
			seen[mine[0].ID] = true
			df.keepClient(c.Name, mine[0].ID)
			df.client(r, &c, &mine[0])
		default:
			ids := make([]string, len(mine))
			for i, l := range mine {
				ids[i] = l.ID
				seen[l.ID] = true
			}
			df.add(Change{Resource: r, Kind: KindClient, Name: c.Name, Path: r, After: c.Name, Action: Blocked,
				Reason: fmt.Sprintf("cogwiz created %d clients named %s (%s): pin the one to keep with app_clients[%s].id", len(mine), c.Name, strings.Join(ids, ", "), c.Name)})
		}
	}
	for _, l := range a.AppClients {
		if seen[l.ID] {
			continue
		}
		r := clientPath(l.Name)
		if owned[l.ID] {
			// Until it is deleted, the record keeps what made it cogwiz's.
			for _, k := range []string{cognito.ManagedClientKey(l.ID), cognito.ManagedKey(cognito.KindClient, l.Name)} {
				if df.state.Managed[k] {
					df.p.KeepKeys[k] = true
				}
			}
			df.add(Change{Resource: r, Kind: KindClient, Name: l.Name, ID: l.ID, Path: r, Before: l.Name, Action: Delete, Reason: "removed from the file; cogwiz created it"})
			continue
		}
		df.p.LeftAlone = append(df.p.LeftAlone, "app client "+l.Name+" ("+l.ID+")")
	}
}

// gone handles a live resource the file does not name.
func (df *differ) gone(resource, kind, name, key, label string) {
	if df.state.Managed[key] {
		df.p.KeepKeys[key] = true
		df.add(Change{Resource: resource, Kind: kind, Name: name, Path: resource, Before: name, Action: Delete, Reason: "removed from the file; cogwiz created it"})
		return
	}
	df.p.LeftAlone = append(df.p.LeftAlone, label)
}

func (df *differ) client(r string, c, l *config.AppClient) {
	from := len(df.p.Changes)
	defer func() {
		// Every change of this client names its id, so that apply changes
		// the very client the plan compared.
		for i := from; i < len(df.p.Changes); i++ {
			df.p.Changes[i].ID = l.ID
		}
	}()
	const k = KindClient
	n := c.Name
	df.blocked(r, k, n, r+".generate_secret", l.GenerateSecret, c.GenerateSecret, whySecret)
	if tv := c.TokenValidity; tv != nil {
		lt := config.TokenValidity{}
		if l.TokenValidity != nil {
			lt = *l.TokenValidity
		}
		for _, f := range []struct {
			key       string
			live, cfg config.Duration
		}{{"access", lt.Access, tv.Access}, {"id", lt.ID, tv.ID}, {"refresh", lt.Refresh, tv.Refresh}} {
			// Compared in seconds: 60m and 1h are the same lifetime.
			if !f.cfg.IsZero() && f.live.Seconds() != f.cfg.Seconds() {
				df.add(Change{Resource: r, Kind: k, Name: n, Path: r + ".token_validity." + f.key, Before: f.live.String(), After: f.cfg.String(), Action: Update})
			}
		}
	}
	if c.AuthFlows != nil {
		df.field(r, k, n, r+".auth_flows", set(l.AuthFlows), set(c.AuthFlows))
	}
	if len(c.ReadAttributes) > 0 {
		df.field(r, k, n, r+".read_attributes", set(l.ReadAttributes), set(c.ReadAttributes))
	}
	if len(c.WriteAttributes) > 0 {
		df.field(r, k, n, r+".write_attributes", set(l.WriteAttributes), set(c.WriteAttributes))
	}
	switch o, lo := c.OAuth, l.OAuth; {
	case o == nil && lo != nil:
		df.add(Change{Resource: r, Kind: k, Name: n, Path: r + ".oauth", Before: "enabled", After: "off", Action: Update})
	case o != nil && lo == nil:
		df.add(Change{Resource: r, Kind: k, Name: n, Path: r + ".oauth", Before: "off", After: "enabled", Action: Update})
		lo = &config.OAuth{}
		fallthrough
	case o != nil:
		if lo == nil {
			lo = &config.OAuth{}
		}
		pre := r + ".oauth."
		df.field(r, k, n, pre+"flows", set(lo.Flows), set(o.Flows))
		df.field(r, k, n, pre+"scopes", set(lo.Scopes), set(o.Scopes))
		df.listKey(r, k, n, pre+"callback_urls", lo.CallbackURLs, o.CallbackURLs)
		df.listKey(r, k, n, pre+"logout_urls", lo.LogoutURLs, o.LogoutURLs)
		df.key(r, k, n, pre+"default_redirect_uri", lo.DefaultRedirectURI, o.DefaultRedirectURI)
		df.listKey(r, k, n, pre+"identity_providers", lo.IdentityProviders, o.IdentityProviders)
	}
	if c.PreventUserExistenceErrors != nil {
		df.field(r, k, n, r+".prevent_user_existence_errors", boolv(l.PreventUserExistenceErrors), *c.PreventUserExistenceErrors)
	}
	if c.EnableTokenRevocation != nil && l.EnableTokenRevocation != nil {
		df.field(r, k, n, r+".enable_token_revocation", *l.EnableTokenRevocation, *c.EnableTokenRevocation)
	}
}

func (df *differ) groups(d, a *config.Config) {
	live := map[string]config.Group{}
	for _, g := range a.UserPool.Groups {
		live[g.Name] = g
	}
	want := map[string]bool{}
	for _, g := range d.UserPool.Groups {
		want[g.Name] = true
		r := groupPath(g.Name)
		l, ok := live[g.Name]
		if !ok {
			df.add(Change{Resource: r, Kind: KindGroup, Name: g.Name, Path: r, After: g.Name, Action: Create})
			continue
		}
		df.field(r, KindGroup, g.Name, r+".description", l.Description, g.Description)
		df.field(r, KindGroup, g.Name, r+".precedence", intOrNil(l.Precedence), intOrNil(g.Precedence))
		df.field(r, KindGroup, g.Name, r+".role_arn", l.RoleARN, g.RoleARN)
	}
	for _, g := range a.UserPool.Groups {
		if !want[g.Name] {
			df.gone(groupPath(g.Name), KindGroup, g.Name, cognito.ManagedKey(cognito.KindGroup, g.Name), "group "+g.Name)
		}
	}
}

func (df *differ) identityProviders(d, a *config.Config) {
	live := map[string]config.IdentityProvider{}
	for _, p := range a.IdentityProviders {
		live[p.ProviderName()] = p
	}
	want := map[string]bool{}
	for _, p := range d.IdentityProviders {
		name := p.ProviderName()
		want[name] = true
		r := idpPath(name)
		l, ok := live[name]
		switch {
		case !ok:
			df.add(Change{Resource: r, Kind: KindIdP, Name: name, Path: r, After: name, Action: Create})
			continue
		case l.Type != p.Type:
			// The type cannot be updated: delete and create again.
			// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateIdentityProvider.html
			df.add(Change{Resource: r, Kind: KindIdP, Name: name, Path: r + ".type", Before: l.Type, After: p.Type, Action: Replace, Reason: "a provider's type cannot change in place; it is deleted and created again"})
			continue
		}
		df.field(r, KindIdP, name, r+".client_id", l.ClientID, p.ClientID)
		df.field(r, KindIdP, name, r+".scopes", set(l.Scopes), set(p.Scopes))
		df.field(r, KindIdP, name, r+".attribute_mapping", liveMapping(l.AttributeMapping, p.AttributeMapping), orEmpty(p.AttributeMapping))
		if p.APIVersion != "" {
			df.field(r, KindIdP, name, r+".api_version", l.APIVersion, p.APIVersion)
		}
		df.field(r, KindIdP, name, r+".team_id", l.TeamID, p.TeamID)
		df.field(r, KindIdP, name, r+".key_id", l.KeyID, p.KeyID)
		df.field(r, KindIdP, name, r+".oidc_issuer", l.OIDCIssuer, p.OIDCIssuer)
		if p.AttributesRequestMethod != "" {
			df.field(r, KindIdP, name, r+".attributes_request_method", l.AttributesRequestMethod, p.AttributesRequestMethod)
		}
		df.field(r, KindIdP, name, r+".metadata_url", l.MetadataURL, p.MetadataURL)
		df.field(r, KindIdP, name, r+".identifiers", set(l.Identifiers), set(p.Identifiers))
		df.secret(r, name, "client_secret", p.ClientSecret)
	}
	for _, p := range a.IdentityProviders {
		if !want[p.ProviderName()] {
			df.gone(idpPath(p.ProviderName()), KindIdP, p.ProviderName(), cognito.ManagedKey(cognito.KindIdP, p.ProviderName()), "identity provider "+p.ProviderName())
		}
	}
}

// secret compares a secret in memory, never showing it.
func (df *differ) secret(r, provider, key, ref string) {
	if ref == "" || df.lookupEnv == nil {
		return
	}
	envName, ok := config.SecretRefName(ref)
	if !ok {
		return
	}
	v, ok := df.lookupEnv(envName)
	if !ok {
		return
	}
	if known, eq := df.state.SecretMatches(provider, key, v); known && !eq {
		df.add(Change{Resource: r, Kind: KindIdP, Name: provider, Path: r + "." + key, Before: Sensitive, After: Sensitive, Action: Update, Reason: "the value of " + ref + " differs from the one Cognito holds"})
	}
}

func (df *differ) resourceServers(d, a *config.Config) {
	live := map[string]config.ResourceServer{}
	for _, s := range a.ResourceServers {
		live[s.Identifier] = s
	}
	want := map[string]bool{}
	for _, s := range d.ResourceServers {
		want[s.Identifier] = true
		r := rsPath(s.Identifier)
		l, ok := live[s.Identifier]
		if !ok {
			df.add(Change{Resource: r, Kind: KindResourceServer, Name: s.Identifier, Path: r, After: s.Identifier, Action: Create})
			continue
		}
		df.field(r, KindResourceServer, s.Identifier, r+".name", l.Name, s.Name)
		df.field(r, KindResourceServer, s.Identifier, r+".scopes", scopeMap(l.Scopes), scopeMap(s.Scopes))
	}
	for _, s := range a.ResourceServers {
		if !want[s.Identifier] {
			df.gone(rsPath(s.Identifier), KindResourceServer, s.Identifier, cognito.ManagedKey(cognito.KindResourceServer, s.Identifier), "resource server "+s.Identifier)
		}
	}
}

func (df *differ) domain(d, a *config.Config) {
	want, have := cognito.DomainName(d.Domain), cognito.DomainName(a.Domain)
	switch {
	case want == "" && have == "":
	case want == "":
		df.gone("domain", KindDomain, have, cognito.ManagedKey(cognito.KindDomain, ""), "domain "+have)
	case have == "":
		df.add(Change{Resource: "domain", Kind: KindDomain, Name: want, Path: "domain", After: want, Action: Create})
	case want != have:
		// A domain cannot be renamed: it is deleted and created again, and
		// the hosted UI is down in between.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html
		df.add(Change{Resource: "domain", Kind: KindDomain, Name: want, Path: "domain", Before: have, After: want, Action: Replace, Reason: "a domain cannot be renamed; the old one is deleted and the new one created (the hosted UI is unavailable for a minute)"})
	default:
		if d.Domain.CertificateARN != "" {
			df.field("domain", KindDomain, want, "domain.certificate_arn", a.Domain.CertificateARN, d.Domain.CertificateARN)
		}
		if d.Domain.ManagedLoginVersion != nil && a.Domain.ManagedLoginVersion != nil {
			df.field("domain", KindDomain, want, "domain.managed_login_version", *a.Domain.ManagedLoginVersion, *d.Domain.ManagedLoginVersion)
		}
	}
}

// managedTags records an update when the cogwiz:managed set must change.
func (df *differ) managedTags() {
	if maps.Equal(df.p.ManagedKeys, df.state.Managed) {
		return
	}
	df.add(Change{Resource: "user_pool", Kind: KindPool, Name: df.p.PoolName, Path: "user_pool.tags[" + cognito.TagManaged + "]",
		Before: resources(len(df.state.Managed)), After: resources(len(df.p.ManagedKeys)),
		Action: Update, Reason: "records which clients, groups, providers, resource servers and domain cogwiz manages"})
}

func scopeMap(list []config.Scope) map[string]string {
	m := map[string]string{}
	for _, s := range list {
		m[s.Name] = s.Description
	}
	return m
}

func without(list []string, v string) []string {
	var out []string
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

func intv(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func boolv(p *bool) bool { return p != nil && *p }

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func resources(n int) string {
	if n == 1 {
		return "1 resource"
	}
	return fmt.Sprintf("%d resources", n)
}

// liveMapping drops the username mapping Cognito adds to social providers
// by itself (username → sub or id) unless the file maps username too.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html
func liveMapping(live, desired map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range live {
		if _, ok := desired[k]; !ok && k == "username" {
			continue
		}
		out[k] = v
	}
	return out
}

// keepClient records the file's client name as the live client id: the
// managed record holds clients by id; only a client still to be created
// stays recorded by name, as an intent that apply replaces with the id
// once the create has answered.
func (df *differ) keepClient(name, id string) {
	df.clientIDs[name] = id
	delete(df.p.ManagedKeys, cognito.ManagedKey(cognito.KindClient, name))
	df.p.ManagedKeys[cognito.ManagedClientKey(id)] = true
}
