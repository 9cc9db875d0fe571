// Package cognitofake is the Cognito user pool service of the generic
// fake (internal/awsfake): thin adapters, one per operation, over the
// fake's Store, reached by the real SDK client through its endpoint. It
// follows the API reference where cognito-local does not:
//   - UpdateUserPool and UpdateUserPoolClient reset every member they are
//     not sent to its default (LambdaConfig, SMS settings, tags, templates,
//     callback URLs, ...), as AWS documents;
//   - a second CreateGroup with the same name is GroupExistsException;
//   - DeleteUserPool fails while deletion protection is ACTIVE or a domain exists;
//   - domains (globally unique), identity providers (with the extra
//     ProviderDetails keys Describe adds, Apple's private_key never
//     returned, the identities attribute added to the schema), resource
//     servers and the tagging operations exist;
//   - clients may only name existing identity providers and scopes;
//   - ListUserPools and ListUsers page.
//
// Ids and timestamps are deterministic, so recorded requests can be
// compared with golden files. Connect builds a client (of the fake or of
// cognito-local) whose requests an awsfake.Transport records.
package cognitofake

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Target is the X-Amz-Target prefix of the Cognito user pool service.
const Target = "AWSCognitoIdentityProviderService"

// Resource types in the store.
const (
	typePool   = "cognito-idp:userpool"
	typeClient = "cognito-idp:client"
	typeGroup  = "cognito-idp:group"
	typeDomain = "cognito-idp:domain"
	typeIdP    = "cognito-idp:identity-provider"
	typeRS     = "cognito-idp:resource-server"
	typeUser   = "cognito-idp:user"
)

// Fake is a fake AWS endpoint serving the Cognito user pool service.
type Fake struct {
	Server  *awsfake.Server
	Region  string
	Account string
}

// New starts a fake in us-east-1 that stops when tb ends.
func New(tb testing.TB) *Fake {
	tb.Helper()
	f := &Fake{Server: awsfake.Start(tb), Region: "us-east-1", Account: "123456789012"}
	f.register(f.Server.Service(Target))
	return f
}

// Options are client options pointing at the fake, with short retry
// waits (an injected 5xx is retried in milliseconds).
func (f *Fake) Options() cognito.Options {
	return cognito.Options{
		Region:          f.Region,
		EndpointURL:     f.Server.URL(),
		Credentials:     credentials.NewStaticCredentialsProvider("fake", "fake", ""),
		RetryMaxBackoff: 5 * time.Millisecond,
	}
}

// Client returns a real SDK client talking to the fake.
func (f *Fake) Client(tb testing.TB) cognito.API {
	tb.Helper()
	api, _ := Connect(tb, f.Options())
	return api
}

// Disable makes ops answer as cognito-local answers what it lacks.
func (f *Fake) Disable(ops ...string) { f.Server.Service(Target).Disable(ops...) }

// PoolIDs lists the pools in creation order.
func (f *Fake) PoolIDs() []string { return f.Server.IDs(typePool) }

// ClientNames lists the names of a pool's app clients in creation order.
func (f *Fake) ClientNames(poolID string) []string {
	var names []string
	f.Server.Lock(func(s *awsfake.Store) {
		for _, it := range s.List(typeClient, poolID) {
			names = append(names, aws.ToString(it.Value.(*types.UserPoolClientType).ClientName))
		}
	})
	return names
}

// Connect builds a real SDK client from o (the fake's Options, or the
// emulator's) whose every request a Transport records.
func Connect(tb testing.TB, o cognito.Options) (cognito.API, *awsfake.Transport) {
	tb.Helper()
	rec := awsfake.NewTransport()
	o.WrapTransport = rec.Wrap
	api, err := cognito.New(context.Background(), o)
	if err != nil {
		tb.Fatalf("client: %v", err)
	}
	return api, rec
}

// register adds every operation the fake models.
func (f *Fake) register(sv *awsfake.Service) {
	f.registerPools(sv)
	f.registerClients(sv)
	f.registerResources(sv)
	f.registerUsers(sv)
}

type poolRec struct {
	p   types.UserPoolType
	mfa cip.GetUserPoolMfaConfigOutput
}

func notFound(format string, args ...any) error {
	return awsfake.Errorf("ResourceNotFoundException", format, args...)
}

func invalid(format string, args ...any) error {
	return awsfake.Errorf("InvalidParameterException", format, args...)
}

func (f *Fake) store() *awsfake.Store { return f.Server.Store }

func (f *Fake) pool(id *string) (*awsfake.Item, *poolRec, error) {
	return awsfake.Find[*poolRec](f.store(), typePool, aws.ToString(id), notFound("User pool %s does not exist.", aws.ToString(id)))
}

// child finds the resource named name inside pool poolID: the pool's
// not-found error when there is no such pool, missing when it lacks the
// resource.
func child[T any](f *Fake, typ string, poolID, name *string, missing error) (T, error) {
	if _, _, err := f.pool(poolID); err != nil {
		var zero T
		return zero, err
	}
	_, v, err := awsfake.Find[T](f.store(), typ, childID(poolID, name), missing)
	return v, err
}

// standardSchema is what DescribeUserPool returns for every pool, whether
// the attributes were configured or not.
func standardSchema() []types.SchemaAttributeType {
	str := func(name string, req, mut bool) types.SchemaAttributeType {
		return types.SchemaAttributeType{Name: aws.String(name), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(mut), Required: aws.Bool(req), DeveloperOnlyAttribute: aws.Bool(false),
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("0"), MaxLength: aws.String("2048")}}
	}
	out := []types.SchemaAttributeType{str("sub", true, false)}
	out[0].StringAttributeConstraints.MinLength = aws.String("1")
	for _, n := range []string{"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email"} {
		out = append(out, str(n, false, true))
	}
	out = append(out, types.SchemaAttributeType{Name: aws.String("email_verified"), AttributeDataType: types.AttributeDataTypeBoolean, Mutable: aws.Bool(true), Required: aws.Bool(false), DeveloperOnlyAttribute: aws.Bool(false)})
	out = append(out, str("gender", false, true))
	b := str("birthdate", false, true)
	b.StringAttributeConstraints = &types.StringAttributeConstraintsType{MinLength: aws.String("10"), MaxLength: aws.String("10")}
	out = append(out, b)
	for _, n := range []string{"zoneinfo", "locale", "phone_number"} {
		out = append(out, str(n, false, true))
	}
	out = append(out, types.SchemaAttributeType{Name: aws.String("phone_number_verified"), AttributeDataType: types.AttributeDataTypeBoolean, Mutable: aws.Bool(true), Required: aws.Bool(false), DeveloperOnlyAttribute: aws.Bool(false)})
	out = append(out, str("address", false, true))
	out = append(out, types.SchemaAttributeType{Name: aws.String("updated_at"), AttributeDataType: types.AttributeDataTypeNumber, Mutable: aws.Bool(true), Required: aws.Bool(false), DeveloperOnlyAttribute: aws.Bool(false),
		NumberAttributeConstraints: &types.NumberAttributeConstraintsType{MinValue: aws.String("0")}})
	return out
}

func customSchema(s types.SchemaAttributeType) types.SchemaAttributeType {
	s.Name = aws.String("custom:" + aws.ToString(s.Name))
	s.DeveloperOnlyAttribute = aws.Bool(false)
	s.Required = aws.Bool(false)
	if s.Mutable == nil {
		s.Mutable = aws.Bool(true)
	}
	if s.AttributeDataType == types.AttributeDataTypeString {
		// A String attribute sent without constraints comes back with these.
		c := &types.StringAttributeConstraintsType{MinLength: aws.String("0"), MaxLength: aws.String("2048")}
		if s.StringAttributeConstraints != nil {
			if s.StringAttributeConstraints.MinLength != nil {
				c.MinLength = s.StringAttributeConstraints.MinLength
			}
			if s.StringAttributeConstraints.MaxLength != nil {
				c.MaxLength = s.StringAttributeConstraints.MaxLength
			}
		}
		s.StringAttributeConstraints = c
	}
	return s
}

// defaults fills what Cognito fills for a member left out of a create or
// update request: an update resets what it is not sent.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html
func defaults(p *types.UserPoolType) {
	if p.Policies == nil {
		p.Policies = &types.UserPoolPolicyType{}
	}
	if p.Policies.PasswordPolicy == nil {
		p.Policies.PasswordPolicy = &types.PasswordPolicyType{MinimumLength: aws.Int32(8), RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7}
	}
	if p.Policies.PasswordPolicy.TemporaryPasswordValidityDays == 0 {
		p.Policies.PasswordPolicy.TemporaryPasswordValidityDays = 7
	}
	if p.AdminCreateUserConfig == nil {
		p.AdminCreateUserConfig = &types.AdminCreateUserConfigType{}
	}
	if p.AdminCreateUserConfig.UnusedAccountValidityDays == 0 {
		// Old pools report it; sending it back is refused (see UpdateUserPool).
		p.AdminCreateUserConfig.UnusedAccountValidityDays = 7
	}
	if p.VerificationMessageTemplate == nil {
		p.VerificationMessageTemplate = &types.VerificationMessageTemplateType{DefaultEmailOption: types.DefaultEmailOptionTypeConfirmWithCode}
	}
	if p.EmailConfiguration == nil {
		p.EmailConfiguration = &types.EmailConfigurationType{EmailSendingAccount: types.EmailSendingAccountTypeCognitoDefault}
	}
	if p.MfaConfiguration == "" {
		p.MfaConfiguration = types.UserPoolMfaTypeOff
	}
	if p.DeletionProtection == "" {
		p.DeletionProtection = types.DeletionProtectionTypeInactive
	}
	if p.UserPoolTier == "" {
		p.UserPoolTier = types.UserPoolTierTypeEssentials
	}
	if p.LambdaConfig == nil {
		p.LambdaConfig = &types.LambdaConfigType{}
	}
	if lc := p.LambdaConfig; lc.PreTokenGeneration != nil && lc.PreTokenGenerationConfig == nil {
		// A pre token generation trigger set by its ARN alone is reported
		// back with the detailed form filled in, as version V1_0.
		// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
		lc.PreTokenGenerationConfig = &types.PreTokenGenerationVersionConfigType{LambdaArn: lc.PreTokenGeneration, LambdaVersion: types.PreTokenGenerationLambdaVersionTypeV10}
	}
}

func (f *Fake) registerPools(sv *awsfake.Service) {
	awsfake.Op(sv, "CreateUserPool", f.createUserPool)
	awsfake.Op(sv, "DescribeUserPool", f.describeUserPool)
	awsfake.Op(sv, "UpdateUserPool", f.updateUserPool)
	awsfake.Op(sv, "DeleteUserPool", f.deleteUserPool)
	awsfake.Op(sv, "ListUserPools", f.listUserPools)
	awsfake.Op(sv, "GetUserPoolMfaConfig", f.getUserPoolMfaConfig)
	awsfake.Op(sv, "SetUserPoolMfaConfig", f.setUserPoolMfaConfig)
	awsfake.Op(sv, "AddCustomAttributes", f.addCustomAttributes)
	awsfake.Op(sv, "TagResource", f.tagResource)
	awsfake.Op(sv, "UntagResource", f.untagResource)
	awsfake.Op(sv, "ListTagsForResource", f.listTagsForResource)
}

func (f *Fake) createUserPool(in *cip.CreateUserPoolInput) (*cip.CreateUserPoolOutput, error) {
	if aws.ToString(in.PoolName) == "" {
		return nil, invalid("1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null")
	}
	if len(in.UsernameAttributes) > 0 && len(in.AliasAttributes) > 0 {
		return nil, invalid("Username attributes and alias attributes cannot be both set.")
	}
	if in.MfaConfiguration != "" && in.MfaConfiguration != types.UserPoolMfaTypeOff && in.SmsConfiguration == nil {
		return nil, invalid("SMS configuration is required when MFA is enabled at creation.")
	}
	s := f.store()
	id := fmt.Sprintf("%s_fake%04d", f.Region, s.Next())
	now := s.Now()
	p := types.UserPoolType{
		Id: aws.String(id), Name: in.PoolName, Arn: aws.String(fmt.Sprintf("arn:aws:cognito-idp:%s:%s:userpool/%s", f.Region, f.Account, id)),
		CreationDate: aws.Time(now), LastModifiedDate: aws.Time(now), Status: types.StatusTypeEnabled,
		AccountRecoverySetting: in.AccountRecoverySetting, AdminCreateUserConfig: in.AdminCreateUserConfig,
		AliasAttributes: in.AliasAttributes, AutoVerifiedAttributes: in.AutoVerifiedAttributes,
		DeletionProtection: in.DeletionProtection, DeviceConfiguration: in.DeviceConfiguration,
		EmailConfiguration: in.EmailConfiguration, EmailVerificationMessage: in.EmailVerificationMessage,
		EmailVerificationSubject: in.EmailVerificationSubject, LambdaConfig: in.LambdaConfig,
		MfaConfiguration: in.MfaConfiguration, Policies: in.Policies, SmsAuthenticationMessage: in.SmsAuthenticationMessage,
		SmsConfiguration: in.SmsConfiguration, SmsVerificationMessage: in.SmsVerificationMessage,
		UserAttributeUpdateSettings: in.UserAttributeUpdateSettings, UserPoolAddOns: in.UserPoolAddOns,
		UserPoolTier: in.UserPoolTier, UsernameAttributes: in.UsernameAttributes,
		UsernameConfiguration: in.UsernameConfiguration, VerificationMessageTemplate: in.VerificationMessageTemplate,
	}
	defaults(&p)
	p.SchemaAttributes = standardSchema()
	for _, a := range in.Schema {
		name := aws.ToString(a.Name)
		found := false
		for i := range p.SchemaAttributes {
			if aws.ToString(p.SchemaAttributes[i].Name) == name {
				p.SchemaAttributes[i].Required = aws.Bool(aws.ToBool(a.Required))
				found = true
			}
		}
		if !found {
			p.SchemaAttributes = append(p.SchemaAttributes, customSchema(a))
		}
	}
	it := &awsfake.Item{Type: typePool, ID: id, ARN: aws.ToString(p.Arn),
		Value: &poolRec{p: p, mfa: cip.GetUserPoolMfaConfigOutput{MfaConfiguration: p.MfaConfiguration}}}
	it.SetTags(in.UserPoolTags)
	s.Put(it)
	out := f.poolView(it)
	return &cip.CreateUserPoolOutput{UserPool: &out}, nil
}

// poolView is the pool as DescribeUserPool shows it.
func (f *Fake) poolView(it *awsfake.Item) types.UserPoolType {
	r := it.Value.(*poolRec)
	out := r.p
	out.UserPoolTags = it.Tags
	if d := f.poolDomain(it.ID); d != nil {
		if d.CustomDomainConfig != nil {
			out.CustomDomain = d.Domain
		} else {
			out.Domain = d.Domain
		}
	}
	out.EstimatedNumberOfUsers = int32(len(f.store().List(typeUser, it.ID)))
	return out
}

func (f *Fake) describeUserPool(in *cip.DescribeUserPoolInput) (*cip.DescribeUserPoolOutput, error) {
	it, _, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := f.poolView(it)
	return &cip.DescribeUserPoolOutput{UserPool: &out}, nil
}

// updateUserPool replaces every updatable member with what was sent; what
// was not sent goes back to its default.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html
func (f *Fake) updateUserPool(in *cip.UpdateUserPoolInput) (*cip.UpdateUserPoolOutput, error) {
	it, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if a := in.AdminCreateUserConfig; a != nil && a.UnusedAccountValidityDays != 0 {
		return nil, invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays")
	}
	old := r.p
	n := types.UserPoolType{
		Id: old.Id, Arn: old.Arn, Name: old.Name, CreationDate: old.CreationDate, LastModifiedDate: aws.Time(f.store().Now()),
		Status: old.Status, SchemaAttributes: old.SchemaAttributes, UsernameAttributes: old.UsernameAttributes,
		AliasAttributes: old.AliasAttributes, UsernameConfiguration: old.UsernameConfiguration,
		AccountRecoverySetting: in.AccountRecoverySetting, AdminCreateUserConfig: in.AdminCreateUserConfig,
		AutoVerifiedAttributes: in.AutoVerifiedAttributes, DeletionProtection: in.DeletionProtection,
		DeviceConfiguration: in.DeviceConfiguration, EmailConfiguration: in.EmailConfiguration,
		EmailVerificationMessage: in.EmailVerificationMessage, EmailVerificationSubject: in.EmailVerificationSubject,
		LambdaConfig: in.LambdaConfig, MfaConfiguration: in.MfaConfiguration, Policies: in.Policies,
		SmsAuthenticationMessage: in.SmsAuthenticationMessage, SmsConfiguration: in.SmsConfiguration,
		SmsVerificationMessage: in.SmsVerificationMessage, UserAttributeUpdateSettings: in.UserAttributeUpdateSettings,
		UserPoolAddOns: in.UserPoolAddOns, UserPoolTier: in.UserPoolTier,
		VerificationMessageTemplate: in.VerificationMessageTemplate,
		IssuerConfiguration:         in.IssuerConfiguration, KeyConfiguration: in.KeyConfiguration,
	}
	if in.PoolName != nil {
		n.Name = in.PoolName
	}
	defaults(&n)
	r.p = n
	r.mfa.MfaConfiguration = n.MfaConfiguration
	// UserPoolTags is a member like the others: left out, the tags go.
	it.SetTags(in.UserPoolTags)
	return &cip.UpdateUserPoolOutput{}, nil
}

func (f *Fake) deleteUserPool(in *cip.DeleteUserPoolInput) (*cip.DeleteUserPoolOutput, error) {
	it, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
	if r.p.DeletionProtection == types.DeletionProtectionTypeActive {
		return nil, invalid("The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.")
	}
	// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html
	if f.poolDomain(it.ID) != nil {
		return nil, invalid("User pool cannot be deleted. It has a domain configured that should be deleted first.")
	}
	f.store().Delete(typePool, it.ID)
	return &cip.DeleteUserPoolOutput{}, nil
}

// listUserPools pages by MaxResults (1–60, required), like AWS.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html
func (f *Fake) listUserPools(in *cip.ListUserPoolsInput) (*cip.ListUserPoolsOutput, error) {
	max := int(aws.ToInt32(in.MaxResults))
	if max < 1 || max > 60 {
		return nil, invalid("MaxResults must be between 1 and 60")
	}
	page, next := awsfake.Page(f.store().List(typePool, ""), in.NextToken, max)
	out := &cip.ListUserPoolsOutput{NextToken: next}
	for _, it := range page {
		p := it.Value.(*poolRec).p
		out.UserPools = append(out.UserPools, types.UserPoolDescriptionType{Id: p.Id, Name: p.Name, CreationDate: p.CreationDate, LastModifiedDate: p.LastModifiedDate, Status: p.Status})
	}
	return out, nil
}

func (f *Fake) getUserPoolMfaConfig(in *cip.GetUserPoolMfaConfigInput) (*cip.GetUserPoolMfaConfigOutput, error) {
	_, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := r.mfa
	return &out, nil
}

// setUserPoolMfaConfig refuses SMS settings together with MFA OFF, as
// Cognito does ("can't turn off MFA and configure an MFA together"), and
// replaces each factor's configuration with what it is sent.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
func (f *Fake) setUserPoolMfaConfig(in *cip.SetUserPoolMfaConfigInput) (*cip.SetUserPoolMfaConfigOutput, error) {
	_, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if in.MfaConfiguration == types.UserPoolMfaTypeOff && in.SmsMfaConfiguration != nil {
		return nil, invalid("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")
	}
	if in.MfaConfiguration != types.UserPoolMfaTypeOff && in.MfaConfiguration != "" {
		totp := in.SoftwareTokenMfaConfiguration != nil && in.SoftwareTokenMfaConfiguration.Enabled
		if !totp && in.SmsMfaConfiguration == nil && in.EmailMfaConfiguration == nil {
			return nil, invalid("At least one MFA method must be enabled when MFA is ON or OPTIONAL.")
		}
	}
	mode := in.MfaConfiguration
	if mode == "" {
		mode = r.p.MfaConfiguration
	}
	r.mfa = cip.GetUserPoolMfaConfigOutput{MfaConfiguration: mode, SmsMfaConfiguration: in.SmsMfaConfiguration, SoftwareTokenMfaConfiguration: in.SoftwareTokenMfaConfiguration, EmailMfaConfiguration: in.EmailMfaConfiguration}
	r.p.MfaConfiguration = mode
	return &cip.SetUserPoolMfaConfigOutput{MfaConfiguration: mode}, nil
}

// addCustomAttributes refuses a name that exists.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html
func (f *Fake) addCustomAttributes(in *cip.AddCustomAttributesInput) (*cip.AddCustomAttributesOutput, error) {
	_, r, err := f.pool(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if len(in.CustomAttributes) < 1 || len(in.CustomAttributes) > 25 {
		return nil, invalid("CustomAttributes must hold 1 to 25 attributes")
	}
	for _, a := range in.CustomAttributes {
		name := "custom:" + aws.ToString(a.Name)
		for _, e := range r.p.SchemaAttributes {
			if aws.ToString(e.Name) == name {
				return nil, invalid("Existing attribute already has name %s.", name)
			}
		}
	}
	for _, a := range in.CustomAttributes {
		r.p.SchemaAttributes = append(r.p.SchemaAttributes, customSchema(a))
	}
	return &cip.AddCustomAttributesOutput{}, nil
}

func (f *Fake) byARN(arn *string) (*awsfake.Item, error) {
	it, ok := f.store().ByARN(aws.ToString(arn))
	if !ok {
		return nil, notFound("Resource %s does not exist.", aws.ToString(arn))
	}
	return it, nil
}

func (f *Fake) tagResource(in *cip.TagResourceInput) (*cip.TagResourceOutput, error) {
	it, err := f.byARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	maps.Copy(it.Tags, in.Tags)
	return &cip.TagResourceOutput{}, nil
}

func (f *Fake) untagResource(in *cip.UntagResourceInput) (*cip.UntagResourceOutput, error) {
	it, err := f.byARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	for _, k := range in.TagKeys {
		delete(it.Tags, k)
	}
	return &cip.UntagResourceOutput{}, nil
}

func (f *Fake) listTagsForResource(in *cip.ListTagsForResourceInput) (*cip.ListTagsForResourceOutput, error) {
	it, err := f.byARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return &cip.ListTagsForResourceOutput{Tags: it.Tags}, nil
}
