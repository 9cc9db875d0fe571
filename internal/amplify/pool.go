package amplify

import (
	"fmt"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The user pool's own settings: name, sign-in, attributes, verification,
// MFA, password policy, groups and the admin queries choice.

func (im *importer) userPool() error {
	up := &im.c.UserPool
	up.Name = im.suffix(im.in.str("userPoolName"), "-")
	if up.Name == "" {
		up.Name = im.suffix(im.name+"_userpool", "-")
		im.r.note("the file has no userPoolName; the pool is named %s", up.Name)
	}
	return nil
}

func (im *importer) signIn() error {
	in := im.in
	si := &im.c.UserPool.SignIn
	si.UsernameAttributes = []string{}
	for _, a := range in.list("usernameAttributes") {
		if a != "username" { // "Username" is written as no usernameAttributes, or rarely as "username"
			si.UsernameAttributes = append(si.UsernameAttributes, a)
		}
	}
	if alias := in.list("aliasAttributes"); len(alias) > 0 {
		si.AliasAttributes = alias
		if len(si.UsernameAttributes) > 0 {
			im.r.drop("aliasAttributes", "Cognito takes either usernameAttributes or aliasAttributes, and this file has both; usernameAttributes were kept",
				"nothing to do unless the deployed pool uses aliases")
			si.AliasAttributes = nil
		}
	}
	if cs, ok := in.boolean("usernameCaseSensitive"); ok {
		si.CaseSensitive = config.Bool(cs)
	} else {
		// Amplify leaves UsernameConfiguration out, and Cognito's API default is case-sensitive.
		si.CaseSensitive = config.Bool(true)
		im.r.note("the file has no usernameCaseSensitive, so the deployed pool is case-sensitive (Cognito's API default); sign_in.case_sensitive is true to match it")
	}
	return nil
}

func (im *importer) attributes() error {
	req := im.in.list("requiredAttributes")
	if req == nil {
		req = []string{}
	}
	im.c.UserPool.Attributes.Required = req
	return nil
}

// autoVerified is Amplify's AutoVerifiedAttributes: the answer plus the
// email/phone alias attributes (auth-cognito-stack-builder).
func (im *importer) autoVerified() []string {
	var out []string
	add := func(a string) {
		if (a == "email" || a == "phone_number") && !contains(out, a) {
			out = append(out, a)
		}
	}
	for _, a := range im.in.list("autoVerifiedAttributes") {
		add(a)
	}
	for _, a := range im.c.UserPool.SignIn.AliasAttributes {
		add(a)
	}
	return out
}

func (im *importer) verification() error {
	in := im.in
	av := im.autoVerified()
	v := &config.Verification{AutoVerifiedAttributes: av}
	if v.AutoVerifiedAttributes == nil {
		v.AutoVerifiedAttributes = []string{}
	}
	if len(av) > 0 {
		v.KeepOriginalUntilVerified = config.Bool(im.updateSettings())
	}
	for _, k := range []string{"emailVerificationSubject", "emailVerificationMessage"} {
		s := in.str(k)
		if s == "" {
			continue
		}
		if !contains(av, "email") {
			im.r.drop(k, "Amplify applies it only when email addresses are verified, and they are not", "nothing to do")
			continue
		}
		v.EmailStyle = config.EmailStyleCode
		if k == "emailVerificationSubject" {
			v.EmailSubject = s
		} else {
			v.EmailMessage = s
		}
	}
	// SmsVerificationMessage goes with the SMS role (same condition).
	if s := in.str("smsVerificationMessage"); s != "" {
		if im.smsDeployed() {
			v.SMSMessage = s
		} else {
			im.r.drop("smsVerificationMessage", "Amplify applies it only when the pool sends SMS, and this one does not", "nothing to do")
		}
	}
	im.c.UserPool.Verification = v
	return nil
}

// updateSettings reports whether Amplify gives the pool
// UserAttributeUpdateSettings (keep the old email/phone until the new one
// is verified), and says which source decided. The generator sets it for
// every pool with auto-verified attributes since amplify-cli PR #10773
// (September 2022, auth-cognito-stack-builder.ts); a resource still on
// parameters.json is deployed from its committed template, and the legacy
// templates (auth-template.yml.ejs) never had it.
func (im *importer) updateSettings() bool {
	switch {
	case !im.legacy:
		im.r.note("keep_original_until_verified: true, as amplify-cli's template generator sets UserAttributeUpdateSettings for the auto-verified attributes (since September 2022)")
		return true
	case im.tmpl != nil:
		if im.tmpl.UpdateSettings {
			im.r.note("keep_original_until_verified: true, as the committed template %s sets UserAttributeUpdateSettings", im.tmpl.File)
		} else {
			im.r.note("keep_original_until_verified: false, as the committed template %s, which Amplify deploys this legacy resource from, has no UserAttributeUpdateSettings", im.tmpl.File)
		}
		return im.tmpl.UpdateSettings
	default:
		im.r.note("keep_original_until_verified: false: this legacy resource (parameters.json) has no committed template, and Amplify's legacy templates never set UserAttributeUpdateSettings")
		return false
	}
}

func (im *importer) mfa() error {
	in := im.in
	mode := strings.ToUpper(in.str("mfaConfiguration"))
	if mode == "" {
		mode = config.MFAOff
	}
	switch mode {
	case config.MFAOff, config.MFAOn, config.MFAOptional:
	default:
		return fmt.Errorf("mfaConfiguration %q is not OFF, ON or OPTIONAL", mode)
	}
	m := &config.MFA{Mode: mode}
	types := in.list("mfaTypes")
	msg := in.str("smsAuthenticationMessage")
	if mode == config.MFAOff {
		if len(types) > 0 {
			im.r.drop("mfaTypes", "MFA is OFF, so no factor is in use", "list user_pool.mfa.factors if you turn MFA on")
		}
		if msg != "" {
			im.r.drop("smsAuthenticationMessage", "MFA is OFF, so the message is never sent", "set user_pool.mfa.sms_message if you turn SMS MFA on")
		}
		im.c.UserPool.MFA = m
		return nil
	}
	for _, t := range types {
		switch t {
		case "SMS Text Message":
			m.Factors = append(m.Factors, config.FactorSMS)
		case "TOTP":
			m.Factors = append(m.Factors, config.FactorTOTP)
		default:
			im.r.drop("mfaTypes: "+t, "not an MFA type Amplify offers", "list the factor under user_pool.mfa.factors if it is one")
		}
	}
	if !contains(m.Factors, config.FactorSMS) && im.mfaLambda() {
		m.Factors = append([]string{config.FactorSMS}, m.Factors...)
		im.r.note("user_pool.mfa.factors includes sms: without the useEnabledMfas flag, Amplify sets MFA through its custom resource (resources/auth-custom-resource/mfaLambda.js), which always sends an SmsMfaConfiguration and so turns SMS MFA on")
	}
	if msg != "" {
		if contains(m.Factors, config.FactorSMS) {
			m.SMSMessage = msg
		} else {
			im.r.drop("smsAuthenticationMessage", "SMS is not an MFA factor here, so the message is never sent", "nothing to do")
		}
	}
	im.c.UserPool.MFA = m
	return nil
}

// mfaLambda reports whether Amplify sets MFA through its MFA custom
// resource rather than the pool's EnabledMfas: when the useEnabledMfas
// flag is off (auth-cognito-stack-builder.ts), or when the committed
// legacy template has the MFALambdaInputs resource.
func (im *importer) mfaLambda() bool {
	if im.tmpl != nil {
		return im.tmpl.MFALambda
	}
	return !im.useEnabledMfas()
}

func (im *importer) password() error {
	in := im.in
	// defaultPasswordPolicy (true = "override") only decided whether the
	// questions were asked; Amplify always deploys the two answers below.
	in.mark("defaultPasswordPolicy")
	p := &config.PasswordPolicy{}
	n, ok, err := in.number("passwordPolicyMinLength")
	if err != nil {
		return err
	}
	if ok {
		p.MinimumLength = config.Int(n)
	} else {
		p.MinimumLength = config.Int(8)
	}
	for _, c := range in.list("passwordPolicyCharacters") {
		switch strings.ToLower(strings.ReplaceAll(c, "_", " ")) {
		case "requires lowercase", "require lowercase":
			p.RequireLowercase = true
		case "requires uppercase", "require uppercase":
			p.RequireUppercase = true
		case "requires numbers", "require numbers", "require digit", "requires digit":
			p.RequireNumbers = true
		case "requires symbols", "require symbols", "require symbol":
			p.RequireSymbols = true
		default:
			im.r.drop("passwordPolicyCharacters: "+c, "not a character rule Amplify offers", "set the matching user_pool.password_policy.require_* key by hand")
		}
	}
	im.c.UserPool.PasswordPolicy = p
	return nil
}

func (im *importer) groups() error {
	in := im.in
	in.mark("userPoolGroups") // the yes/no answer; the list below is what counts
	list := in.list("userPoolGroupList")
	prec, file, err := readPrecedence(im.res.Root)
	if err != nil {
		return err
	}
	var groups []config.Group
	if file != "" {
		// The groups stack is built from the precedence file, so it wins.
		for i, g := range prec {
			if g.GroupName == "" {
				continue
			}
			p := i + 1
			if g.Precedence != nil {
				p = *g.Precedence
			}
			groups = append(groups, config.Group{Name: g.GroupName, Precedence: config.Int(p)})
			for _, k := range g.extra {
				im.r.drop(precedenceFile+": "+g.GroupName+"."+k,
					"cogwiz does not manage the IAM policies Amplify attaches to group roles",
					"keep managing that policy in IAM")
			}
		}
		for _, name := range list {
			if !hasGroup(groups, name) {
				im.r.drop("userPoolGroupList: "+name, precedenceFile+" does not list it, so Amplify does not create it",
					"add it under user_pool.groups if the pool has it")
			}
		}
	} else {
		for i, name := range list {
			groups = append(groups, config.Group{Name: name, Precedence: config.Int(i + 1)})
		}
	}
	// backend-config.json says whether Amplify deploys the groups stack,
	// and for which auth resource (synthesize-resources.ts).
	bc, err := readBackendConfig(im.res.Root)
	if err != nil {
		return err
	}
	if bc != nil && len(groups) > 0 && bc.groupsOwner() != im.name {
		why := backendConfigName + " has no userPoolGroups stack, so Amplify does not create it"
		if o := bc.groupsOwner(); o != "" {
			why = backendConfigName + "'s userPoolGroups stack belongs to " + o + ", so Amplify does not create it in this pool"
		}
		for _, g := range groups {
			im.r.drop("group "+g.Name, why, "add it under user_pool.groups if the pool has it")
		}
		groups = nil
	}
	if len(groups) > 0 && im.c.Services == config.ServicesUserPoolIdentityPool {
		im.r.drop("group IAM roles", "with an identity pool, Amplify creates an IAM role per group and its ARN is known only after deploy",
			"cogwiz creates a role per group (identity_pool.group_roles); to keep Amplify's, set user_pool.groups[].role_arn to each <group>GroupRole ARN")
	}
	im.c.UserPool.Groups = groups
	return nil
}

func hasGroup(gs []config.Group, name string) bool {
	for _, g := range gs {
		if g.Name == name {
			return true
		}
	}
	return false
}

func (im *importer) adminQueries() error {
	on, ok := im.in.boolean("adminQueries")
	group := im.in.str("adminQueryGroup")
	if !ok && group == "" {
		return nil
	}
	im.c.AdminQueries = &config.AdminQueries{Enabled: on, Group: group}
	if on {
		im.r.note("admin_queries is carried over as a choice; the AdminQueries API and its Lambda stay in Amplify's api and function categories")
	}
	return nil
}
