package cognito

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// State is what exists in Cognito for one pool, read back into the config
// model and normalised so that an applied file compares equal to it.
type State struct {
	PoolID  string
	PoolARN string
	// EstimatedUsers is Cognito's estimate of the number of users.
	EstimatedUsers int
	// Config is the live pool in the model's terms. It never holds a
	// secret value: secret fields hold ${env:NAME} references.
	Config *config.Config
	// Managed holds the ManagedKey entries of the pool's cogwiz:managed tags.
	Managed map[string]bool
	// Unsupported lists what the endpoint could not report (cognito-local
	// has no identity providers or resource servers).
	Unsupported []string
	// secrets holds secret values read back ("Google/client_secret"), only
	// ever compared in memory by SecretMatches.
	secrets map[string]string
}

// Triggers is the pool's trigger wiring; nil for no state (no pool yet).
func (s *State) Triggers() *config.Triggers {
	if s == nil {
		return nil
	}
	return s.Config.UserPool.Triggers
}

// SecretMatches reports whether Cognito holds value for provider's
// detail key (client_secret). known is false when Cognito does not return
// that secret (Apple's private_key), so it cannot be compared.
func (s *State) SecretMatches(provider, key, value string) (known, equal bool) {
	v, ok := s.secrets[provider+"/"+key]
	if !ok {
		return false, false
	}
	return true, subtle.ConstantTimeCompare([]byte(v), []byte(value)) == 1
}

// ReadConfig reads a live pool and everything in it into the config model,
// normalised so that `plan` right after importing it shows no changes.
// Secrets come back as ${env:NAME} references, never as values.
func ReadConfig(ctx context.Context, api API, poolID string) (*config.Config, error) {
	s, err := ReadState(ctx, api, poolID)
	if err != nil {
		return nil, err
	}
	return s.Config, nil
}

// ReadState reads the pool, its MFA settings, clients, groups, domain,
// identity providers and resource servers.
func ReadState(ctx context.Context, api API, poolID string) (*State, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		if IsNotFound(err) {
			return nil, &NotFoundError{What: "user pool " + poolID}
		}
		return nil, fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	p := out.UserPool
	mfa, err := api.GetUserPoolMfaConfig(ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return nil, fmt.Errorf("reading MFA settings of user pool %s: %w", poolID, err)
	}
	s := &State{
		PoolID: poolID, PoolARN: aws.ToString(p.Arn), EstimatedUsers: int(p.EstimatedNumberOfUsers),
		Managed: parseManaged(p.UserPoolTags), secrets: map[string]string{},
	}
	cfg := &config.Config{Version: config.CurrentVersion, ResourceName: p.UserPoolTags[TagResourceName]}
	cfg.UserPool = flattenPool(p, mfa)
	s.Config = cfg

	if err := readClients(ctx, api, poolID, cfg); err != nil {
		return nil, err
	}
	if err := readGroups(ctx, api, poolID, cfg); err != nil {
		return nil, err
	}
	if err := readDomain(ctx, api, p, cfg); err != nil {
		return nil, err
	}
	if err := readIdentityProviders(ctx, api, poolID, cfg, s.secrets); err != nil {
		if !IsUnsupported(err) {
			return nil, err
		}
		s.Unsupported = append(s.Unsupported, "identity providers")
	}
	if err := readResourceServers(ctx, api, poolID, cfg); err != nil {
		if !IsUnsupported(err) {
			return nil, err
		}
		s.Unsupported = append(s.Unsupported, "resource servers")
	}
	return s, nil
}

func readClients(ctx context.Context, api API, poolID string, cfg *config.Config) error {
	pg := cip.NewListUserPoolClientsPaginator(api, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing app clients of user pool %s: %w", poolID, err)
		}
		for _, c := range page.UserPoolClients {
			d, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(poolID), ClientId: c.ClientId})
			if err != nil {
				if IsNotFound(err) {
					continue
				}
				return fmt.Errorf("reading app client %s: %w", aws.ToString(c.ClientName), err)
			}
			cfg.AppClients = append(cfg.AppClients, flattenClient(d.UserPoolClient))
		}
	}
	sort.SliceStable(cfg.AppClients, func(i, j int) bool { return cfg.AppClients[i].Name < cfg.AppClients[j].Name })
	return nil
}

func readGroups(ctx context.Context, api API, poolID string, cfg *config.Config) error {
	pg := cip.NewListGroupsPaginator(api, &cip.ListGroupsInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing groups of user pool %s: %w", poolID, err)
		}
		for _, g := range page.Groups {
			cfg.UserPool.Groups = append(cfg.UserPool.Groups, flattenGroup(g))
		}
	}
	sort.SliceStable(cfg.UserPool.Groups, func(i, j int) bool { return cfg.UserPool.Groups[i].Name < cfg.UserPool.Groups[j].Name })
	return nil
}

func readDomain(ctx context.Context, api API, p *types.UserPoolType, cfg *config.Config) error {
	name := aws.ToString(p.CustomDomain)
	custom := name != ""
	if !custom {
		name = aws.ToString(p.Domain)
	}
	if name == "" {
		return nil
	}
	d := &config.Domain{}
	if custom {
		d.CustomDomain = name
	} else {
		d.Prefix = name
	}
	out, err := api.DescribeUserPoolDomain(ctx, &cip.DescribeUserPoolDomainInput{Domain: aws.String(name)})
	if err != nil && !IsUnsupported(err) {
		return fmt.Errorf("reading domain %s: %w", name, err)
	}
	if err == nil && out.DomainDescription != nil {
		dd := out.DomainDescription
		if dd.ManagedLoginVersion != nil {
			d.ManagedLoginVersion = config.Int(int(*dd.ManagedLoginVersion))
		}
		if dd.CustomDomainConfig != nil {
			d.CertificateARN = aws.ToString(dd.CustomDomainConfig.CertificateArn)
		}
	}
	cfg.Domain = d
	return nil
}

func readIdentityProviders(ctx context.Context, api API, poolID string, cfg *config.Config, secrets map[string]string) error {
	pg := cip.NewListIdentityProvidersPaginator(api, &cip.ListIdentityProvidersInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(60)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing identity providers of user pool %s: %w", poolID, err)
		}
		for _, p := range page.Providers {
			d, err := api.DescribeIdentityProvider(ctx, &cip.DescribeIdentityProviderInput{UserPoolId: aws.String(poolID), ProviderName: p.ProviderName})
			if err != nil {
				if IsNotFound(err) {
					continue
				}
				return fmt.Errorf("reading identity provider %s: %w", aws.ToString(p.ProviderName), err)
			}
			cfg.IdentityProviders = append(cfg.IdentityProviders, flattenIdentityProvider(d.IdentityProvider, secrets))
		}
	}
	return nil
}

func readResourceServers(ctx context.Context, api API, poolID string, cfg *config.Config) error {
	pg := cip.NewListResourceServersPaginator(api, &cip.ListResourceServersInput{UserPoolId: aws.String(poolID), MaxResults: aws.Int32(50)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing resource servers of user pool %s: %w", poolID, err)
		}
		for _, rs := range page.ResourceServers {
			cfg.ResourceServers = append(cfg.ResourceServers, flattenResourceServer(rs))
		}
	}
	return nil
}

// standardAttributes are the attributes every pool has; DescribeUserPool
// returns all of them whether configured or not, so only their Required
// flag is read back.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
var standardAttributes = map[string]bool{
	"address": true, "birthdate": true, "email": true, "email_verified": true, "family_name": true,
	"gender": true, "given_name": true, "locale": true, "middle_name": true, "name": true,
	"nickname": true, "phone_number": true, "phone_number_verified": true, "picture": true,
	"preferred_username": true, "profile": true, "sub": true, "updated_at": true, "website": true,
	"zoneinfo": true,
	// Cognito adds identities when the first identity provider is created.
	"identities": true,
}

// flattenPool reads the pool's own settings into the model.
func flattenPool(p *types.UserPoolType, mfa *cip.GetUserPoolMfaConfigOutput) config.UserPool {
	up := config.UserPool{Name: aws.ToString(p.Name)}
	up.SignIn.UsernameAttributes = []string{}
	for _, a := range p.UsernameAttributes {
		up.SignIn.UsernameAttributes = append(up.SignIn.UsernameAttributes, string(a))
	}
	for _, a := range p.AliasAttributes {
		up.SignIn.AliasAttributes = append(up.SignIn.AliasAttributes, string(a))
	}
	// A pool without UsernameConfiguration predates the setting and is
	// case-sensitive.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-case-sensitivity.html
	up.SignIn.CaseSensitive = config.Bool(true)
	if uc := p.UsernameConfiguration; uc != nil && uc.CaseSensitive != nil {
		up.SignIn.CaseSensitive = config.Bool(*uc.CaseSensitive)
	}
	up.Attributes.Required = []string{}
	for _, a := range p.SchemaAttributes {
		name := aws.ToString(a.Name)
		switch {
		case strings.HasPrefix(name, "custom:"):
			up.Attributes.Custom = append(up.Attributes.Custom, flattenCustomAttribute(a))
		case standardAttributes[name]:
			// sub is always required; it is not a choice.
			if aws.ToBool(a.Required) && name != "sub" {
				up.Attributes.Required = append(up.Attributes.Required, name)
			}
		}
	}
	sort.Strings(up.Attributes.Required)
	if pol := p.Policies; pol != nil && pol.PasswordPolicy != nil {
		pp := pol.PasswordPolicy
		up.PasswordPolicy = &config.PasswordPolicy{
			RequireLowercase: pp.RequireLowercase, RequireUppercase: pp.RequireUppercase,
			RequireNumbers: pp.RequireNumbers, RequireSymbols: pp.RequireSymbols,
			TemporaryPasswordValidityDays: config.Int(int(pp.TemporaryPasswordValidityDays)),
		}
		if pp.MinimumLength != nil {
			up.PasswordPolicy.MinimumLength = config.Int(int(*pp.MinimumLength))
		}
		if pp.PasswordHistorySize != nil {
			up.PasswordPolicy.PasswordHistorySize = config.Int(int(*pp.PasswordHistorySize))
		}
	}
	m := &config.MFA{Mode: string(mfa.MfaConfiguration)}
	if m.Mode == "" {
		m.Mode = string(p.MfaConfiguration)
	}
	if m.Mode == "" {
		m.Mode = config.MFAOff
	}
	if m.Mode != config.MFAOff {
		// An SMS factor needs an SMS role; an empty SmsMfaConfiguration
		// (cognito-local answers one) is not an SMS factor.
		if sm := mfa.SmsMfaConfiguration; sm != nil && sm.SmsConfiguration != nil {
			m.Factors = append(m.Factors, config.FactorSMS)
		}
		if t := mfa.SoftwareTokenMfaConfiguration; t != nil && t.Enabled {
			m.Factors = append(m.Factors, config.FactorTOTP)
		}
		if mfa.EmailMfaConfiguration != nil {
			m.Factors = append(m.Factors, config.FactorEmail)
		}
	}
	m.SMSMessage = aws.ToString(p.SmsAuthenticationMessage)
	if sm := mfa.SmsMfaConfiguration; sm != nil && sm.SmsAuthenticationMessage != nil {
		m.SMSMessage = *sm.SmsAuthenticationMessage
	}
	up.MFA = m
	if sc := p.SmsConfiguration; sc != nil && sc.SnsCallerArn != nil {
		up.SMS = &config.SMS{SNSCallerARN: aws.ToString(sc.SnsCallerArn), ExternalID: aws.ToString(sc.ExternalId), SNSRegion: aws.ToString(sc.SnsRegion)}
	}
	v := &config.Verification{AutoVerifiedAttributes: []string{}}
	for _, a := range p.AutoVerifiedAttributes {
		v.AutoVerifiedAttributes = append(v.AutoVerifiedAttributes, string(a))
	}
	if u := p.UserAttributeUpdateSettings; u != nil {
		v.KeepOriginalUntilVerified = config.Bool(len(u.AttributesRequireVerificationBeforeUpdate) > 0)
	}
	v.EmailSubject = aws.ToString(p.EmailVerificationSubject)
	v.EmailMessage = aws.ToString(p.EmailVerificationMessage)
	v.SMSMessage = aws.ToString(p.SmsVerificationMessage)
	if t := p.VerificationMessageTemplate; t != nil {
		switch t.DefaultEmailOption {
		case types.DefaultEmailOptionTypeConfirmWithCode:
			v.EmailStyle = config.EmailStyleCode
		case types.DefaultEmailOptionTypeConfirmWithLink:
			v.EmailStyle = config.EmailStyleLink
		}
		pick(&v.EmailSubject, t.EmailSubject)
		pick(&v.EmailMessage, t.EmailMessage)
		pick(&v.SMSMessage, t.SmsMessage)
		v.EmailSubjectByLink = aws.ToString(t.EmailSubjectByLink)
		v.EmailMessageByLink = aws.ToString(t.EmailMessageByLink)
	}
	up.Verification = v
	if ar := p.AccountRecoverySetting; ar != nil {
		mech := append([]types.RecoveryOptionType(nil), ar.RecoveryMechanisms...)
		sort.SliceStable(mech, func(i, j int) bool { return aws.ToInt32(mech[i].Priority) < aws.ToInt32(mech[j].Priority) })
		for _, r := range mech {
			up.AccountRecovery = append(up.AccountRecovery, string(r.Name))
		}
	}
	if e := p.EmailConfiguration; e != nil {
		acct := string(e.EmailSendingAccount)
		if acct == "" {
			acct = string(types.EmailSendingAccountTypeCognitoDefault)
		}
		up.EmailSending = &config.EmailSending{Account: acct, SourceARN: aws.ToString(e.SourceArn), From: aws.ToString(e.From), ReplyTo: aws.ToString(e.ReplyToEmailAddress), ConfigurationSet: aws.ToString(e.ConfigurationSet)}
	}
	if a := p.AdminCreateUserConfig; a != nil {
		up.AdminCreateUser = &config.AdminCreateUser{AdminOnly: a.AllowAdminCreateUserOnly}
		if t := a.InviteMessageTemplate; t != nil {
			up.AdminCreateUser.InviteEmailSubject = aws.ToString(t.EmailSubject)
			up.AdminCreateUser.InviteEmailMessage = aws.ToString(t.EmailMessage)
			up.AdminCreateUser.InviteSMSMessage = aws.ToString(t.SMSMessage)
		}
	}
	up.FeaturePlan = string(p.UserPoolTier)
	switch p.DeletionProtection {
	case types.DeletionProtectionTypeActive:
		up.DeletionProtection = config.Bool(true)
	case types.DeletionProtectionTypeInactive:
		up.DeletionProtection = config.Bool(false)
	}
	up.Triggers = flattenTriggers(p.LambdaConfig)
	for k, v := range p.UserPoolTags {
		if isOwnTag(k) {
			continue
		}
		if up.Tags == nil {
			up.Tags = map[string]string{}
		}
		up.Tags[k] = v
	}
	return up
}

func pick(dst *string, v *string) {
	if v != nil && *v != "" {
		*dst = *v
	}
}

func flattenCustomAttribute(a types.SchemaAttributeType) config.CustomAttribute {
	c := config.CustomAttribute{Name: strings.TrimPrefix(aws.ToString(a.Name), "custom:"), Type: string(a.AttributeDataType)}
	if a.Mutable != nil {
		c.Mutable = config.Bool(*a.Mutable)
	}
	if sc := a.StringAttributeConstraints; sc != nil {
		c.MinLength, c.MaxLength = atoiPtr(sc.MinLength), atoiPtr(sc.MaxLength)
	}
	if nc := a.NumberAttributeConstraints; nc != nil {
		c.MinValue, c.MaxValue = atoiPtr(nc.MinValue), atoiPtr(nc.MaxValue)
	}
	return NormalizeCustomAttribute(c)
}

func atoiPtr(s *string) *int {
	if s == nil || *s == "" {
		return nil
	}
	n, err := strconv.Atoi(*s)
	if err != nil {
		return nil
	}
	return &n
}

func flattenTriggers(lc *types.LambdaConfigType) *config.Triggers {
	t := &config.Triggers{}
	if lc == nil {
		return t
	}
	t.PreSignUp = aws.ToString(lc.PreSignUp)
	t.CustomMessage = aws.ToString(lc.CustomMessage)
	t.PostConfirmation = aws.ToString(lc.PostConfirmation)
	t.PreAuthentication = aws.ToString(lc.PreAuthentication)
	t.PostAuthentication = aws.ToString(lc.PostAuthentication)
	t.DefineAuthChallenge = aws.ToString(lc.DefineAuthChallenge)
	t.CreateAuthChallenge = aws.ToString(lc.CreateAuthChallenge)
	t.VerifyAuthChallengeResponse = aws.ToString(lc.VerifyAuthChallengeResponse)
	t.PreTokenGeneration = aws.ToString(lc.PreTokenGeneration)
	if c := lc.PreTokenGenerationConfig; c != nil {
		t.PreTokenGeneration = aws.ToString(c.LambdaArn)
		t.PreTokenGenerationVersion = string(c.LambdaVersion)
	}
	t.UserMigration = aws.ToString(lc.UserMigration)
	t.KMSKeyID = aws.ToString(lc.KMSKeyID)
	if c := lc.CustomSMSSender; c != nil {
		t.CustomSMSSender = aws.ToString(c.LambdaArn)
	}
	if c := lc.CustomEmailSender; c != nil {
		t.CustomEmailSender = aws.ToString(c.LambdaArn)
	}
	return t
}

// ClientOwnership says which live clients cogwiz created: those whose id
// is recorded, and, for a name recorded without an id (a pool applied by an
// earlier version, or an apply cut off between creating a client and
// recording its id), the one client of that name whose id is not recorded.
// When several clients could be the one a name entry stands for, none is
// taken: ambiguous maps the name to their ids, for the plan to ask for a pin.
func (s *State) ClientOwnership() (owned map[string]bool, ambiguous map[string][]string) {
	owned, ambiguous = map[string]bool{}, map[string][]string{}
	byName := map[string][]string{}
	ownedName := map[string]bool{}
	for _, c := range s.Config.AppClients {
		if s.Managed[ManagedClientKey(c.ID)] {
			owned[c.ID] = true
			ownedName[c.Name] = true
			continue
		}
		byName[c.Name] = append(byName[c.Name], c.ID)
	}
	for name, ids := range byName {
		if !s.Managed[ManagedKey(KindClient, name)] || ownedName[name] {
			continue
		}
		if len(ids) == 1 {
			owned[ids[0]] = true
		} else {
			ambiguous[name] = ids
		}
	}
	return owned, ambiguous
}

// PoolExists reports whether the pool cfg describes exists, and its id.
// The wizard uses it to lock create-only questions once the pool is there.
func PoolExists(ctx context.Context, api API, cfg *config.Config) (bool, string, error) {
	id, err := FindPoolID(ctx, api, cfg)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return false, "", nil
		}
		return false, "", err
	}
	return true, id, nil
}

// PoolSummary is what destroy shows before deleting a pool.
type PoolSummary struct {
	ID, Name, ARN      string
	EstimatedUsers     int
	DeletionProtection bool
	Domain             string
	Tags               map[string]string
}

// DescribePool summarises a pool for destroy.
func DescribePool(ctx context.Context, api API, poolID string) (*PoolSummary, error) {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return nil, fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	return summarise(out.UserPool), nil
}

func summarise(p *types.UserPoolType) *PoolSummary {
	d := aws.ToString(p.CustomDomain)
	if d == "" {
		d = aws.ToString(p.Domain)
	}
	return &PoolSummary{ID: aws.ToString(p.Id), Name: aws.ToString(p.Name), ARN: aws.ToString(p.Arn), EstimatedUsers: int(p.EstimatedNumberOfUsers),
		DeletionProtection: p.DeletionProtection == types.DeletionProtectionTypeActive, Domain: d, Tags: p.UserPoolTags}
}

// SetDeletionProtection turns deletion protection on or off, by
// read-modify-write like every UpdateUserPool.
func SetDeletionProtection(ctx context.Context, api API, poolID string, on bool) error {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	s := poolSettingsFromLive(out.UserPool)
	s.in.DeletionProtection = types.DeletionProtectionTypeInactive
	what := "turning off"
	if on {
		s.in.DeletionProtection, what = types.DeletionProtectionTypeActive, "turning on"
	}
	if _, err := api.UpdateUserPool(ctx, &s.in); err != nil {
		return fmt.Errorf("%s deletion protection of user pool %s: %w", what, poolID, err)
	}
	return nil
}

// DisableDeletionProtection turns deletion protection off.
func DisableDeletionProtection(ctx context.Context, api API, poolID string) error {
	return SetDeletionProtection(ctx, api, poolID, false)
}

// DeletePool deletes the pool. A domain must go first: Cognito refuses to
// delete a pool that still has one. A pool (or domain) already gone counts
// as deleted: after an answer lost on the way back, the SDK's second
// attempt finds nothing to delete, and that is success, not "not found".
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html
func DeletePool(ctx context.Context, api API, poolID, domain string) error {
	if domain != "" {
		if err := DeleteDomain(ctx, api, poolID, domain); err != nil {
			// Deleting a domain that is gone is refused as a bad parameter;
			// what counts is whether the pool still has one.
			sum, derr := DescribePool(ctx, api, poolID)
			if derr != nil || sum.Domain != "" {
				return err
			}
		}
	}
	if _, err := api.DeleteUserPool(ctx, &cip.DeleteUserPoolInput{UserPoolId: aws.String(poolID)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting user pool %s: %w", poolID, err)
	}
	return nil
}

// CountUsers counts the pool's users exactly, up to bound: beyond it, more
// is true and n is bound. Cognito's EstimatedNumberOfUsers is an estimate
// that lags (it said 0 while a user existed), which is not good enough for
// a question like "delete this pool and everyone in it?".
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
func CountUsers(ctx context.Context, api API, poolID string, bound int) (n int, more bool, err error) {
	in := &cip.ListUsersInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(60), AttributesToGet: []string{"sub"}}
	p := cip.NewListUsersPaginator(api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return 0, false, fmt.Errorf("counting the users of user pool %s: %w", poolID, err)
		}
		n += len(page.Users)
		if n >= bound {
			return bound, n > bound || p.HasMorePages(), nil
		}
	}
	return n, false, nil
}
