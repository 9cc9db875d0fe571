package cognitofake

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Fake is an in-memory Cognito user pool service. It follows the API
// reference where cognito-local does not:
//   - UpdateUserPool and UpdateUserPoolClient reset every member they are
//     not sent to its default (LambdaConfig, tags, templates, callback
//     URLs, ...), as AWS documents;
//   - a second CreateGroup with the same name is GroupExistsException;
//   - DeleteUserPool fails while deletion protection is ACTIVE or a domain exists;
//   - domains (globally unique), identity providers (with the extra
//     ProviderDetails keys Describe adds, Apple's private_key never
//     returned, the identities attribute added to the schema) and resource
//     servers exist;
//   - clients may only name existing identity providers and scopes.
//
// Ids and timestamps are deterministic, so recorded requests can be
// compared with golden files.
type Fake struct {
	unimplemented

	Region  string
	Account string

	mu      sync.Mutex
	seq     int
	pools   map[string]*pool
	order   []string
	domains map[string]string // domain → pool id
}

type pool struct {
	p       types.UserPoolType
	mfa     cip.GetUserPoolMfaConfigOutput
	clients map[string]*types.UserPoolClientType
	corder  []string
	groups  map[string]*types.GroupType
	idps    map[string]*types.IdentityProviderType
	rs      map[string]*types.ResourceServerType
	domain  *types.DomainDescriptionType
}

// New returns an empty fake in us-east-1.
func New() *Fake {
	return &Fake{Region: "us-east-1", Account: "123456789012", pools: map[string]*pool{}, domains: map[string]string{}}
}

var _ cognito.API = (*Fake)(nil)

// unimplemented answers "Unsupported" for every operation the fake does
// not model. The embedded nil API only backs methods added to cognito.API
// after the last `go generate`.
type unimplemented struct{ cognito.API }

func unsupported(op string) error {
	return &smithy.GenericAPIError{Code: "Unsupported", Message: op + " is not implemented by the fake", Fault: smithy.FaultServer}
}

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func notFound(format string, args ...any) error {
	return &types.ResourceNotFoundException{Message: aws.String(fmt.Sprintf(format, args...))}
}

func invalid(format string, args ...any) error {
	return &types.InvalidParameterException{Message: aws.String(fmt.Sprintf(format, args...))}
}

// clone deep-copies SDK values so callers never share the fake's memory.
func clone[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

func (f *Fake) get(id *string) (*pool, error) {
	p, ok := f.pools[aws.ToString(id)]
	if !ok {
		return nil, notFound("User pool %s does not exist.", aws.ToString(id))
	}
	return p, nil
}

// SetEstimatedUsers sets the user count DescribeUserPool reports.
func (f *Fake) SetEstimatedUsers(poolID string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.pools[poolID]; ok {
		p.p.EstimatedNumberOfUsers = int32(n)
	}
}

// PoolIDs lists the pools in creation order.
func (f *Fake) PoolIDs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.order...)
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
	for _, n := range []string{"gender"} {
		out = append(out, str(n, false, true))
	}
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

func customSchema(in types.SchemaAttributeType) types.SchemaAttributeType {
	s := clone(in)
	s.Name = aws.String("custom:" + aws.ToString(in.Name))
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
// update request.
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
		p.AdminCreateUserConfig = &types.AdminCreateUserConfigType{UnusedAccountValidityDays: 7}
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
	if p.UserPoolTags == nil {
		p.UserPoolTags = map[string]string{}
	}
}

func (f *Fake) CreateUserPool(_ context.Context, in *cip.CreateUserPoolInput, _ ...func(*cip.Options)) (*cip.CreateUserPoolOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if aws.ToString(in.PoolName) == "" {
		return nil, invalid("1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null")
	}
	if len(in.UsernameAttributes) > 0 && len(in.AliasAttributes) > 0 {
		return nil, invalid("Username attributes and alias attributes cannot be both set.")
	}
	if in.MfaConfiguration != "" && in.MfaConfiguration != types.UserPoolMfaTypeOff && in.SmsConfiguration == nil {
		return nil, invalid("SMS configuration is required when MFA is enabled at creation.")
	}
	in = clone(in)
	f.seq++
	id := fmt.Sprintf("%s_fake%04d", f.Region, f.seq)
	p := types.UserPoolType{
		Id: aws.String(id), Name: in.PoolName, Arn: aws.String(fmt.Sprintf("arn:aws:cognito-idp:%s:%s:userpool/%s", f.Region, f.Account, id)),
		CreationDate: aws.Time(epoch), LastModifiedDate: aws.Time(epoch), Status: types.StatusTypeEnabled,
		AccountRecoverySetting: in.AccountRecoverySetting, AdminCreateUserConfig: in.AdminCreateUserConfig,
		AliasAttributes: in.AliasAttributes, AutoVerifiedAttributes: in.AutoVerifiedAttributes,
		DeletionProtection: in.DeletionProtection, DeviceConfiguration: in.DeviceConfiguration,
		EmailConfiguration: in.EmailConfiguration, EmailVerificationMessage: in.EmailVerificationMessage,
		EmailVerificationSubject: in.EmailVerificationSubject, LambdaConfig: in.LambdaConfig,
		MfaConfiguration: in.MfaConfiguration, Policies: in.Policies, SmsAuthenticationMessage: in.SmsAuthenticationMessage,
		SmsConfiguration: in.SmsConfiguration, SmsVerificationMessage: in.SmsVerificationMessage,
		UserAttributeUpdateSettings: in.UserAttributeUpdateSettings, UserPoolAddOns: in.UserPoolAddOns,
		UserPoolTags: in.UserPoolTags, UserPoolTier: in.UserPoolTier, UsernameAttributes: in.UsernameAttributes,
		UsernameConfiguration: in.UsernameConfiguration, VerificationMessageTemplate: in.VerificationMessageTemplate,
	}
	if p.AdminCreateUserConfig != nil && p.AdminCreateUserConfig.UnusedAccountValidityDays == 0 {
		p.AdminCreateUserConfig.UnusedAccountValidityDays = 7
	}
	defaults(&p)
	p.SchemaAttributes = standardSchema()
	for _, s := range in.Schema {
		name := aws.ToString(s.Name)
		found := false
		for i := range p.SchemaAttributes {
			if aws.ToString(p.SchemaAttributes[i].Name) == name {
				p.SchemaAttributes[i].Required = aws.Bool(aws.ToBool(s.Required))
				found = true
			}
		}
		if !found {
			p.SchemaAttributes = append(p.SchemaAttributes, customSchema(s))
		}
	}
	f.pools[id] = &pool{p: p, mfa: cip.GetUserPoolMfaConfigOutput{MfaConfiguration: p.MfaConfiguration},
		clients: map[string]*types.UserPoolClientType{}, groups: map[string]*types.GroupType{},
		idps: map[string]*types.IdentityProviderType{}, rs: map[string]*types.ResourceServerType{}}
	f.order = append(f.order, id)
	return &cip.CreateUserPoolOutput{UserPool: ptr(clone(p))}, nil
}

func (f *Fake) DescribeUserPool(_ context.Context, in *cip.DescribeUserPoolInput, _ ...func(*cip.Options)) (*cip.DescribeUserPoolOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := clone(p.p)
	if p.domain != nil {
		if p.domain.CustomDomainConfig != nil {
			out.CustomDomain = p.domain.Domain
		} else {
			out.Domain = p.domain.Domain
		}
	}
	return &cip.DescribeUserPoolOutput{UserPool: &out}, nil
}

// UpdateUserPool replaces every updatable member with what was sent;
// what was not sent goes back to its default.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html
func (f *Fake) UpdateUserPool(_ context.Context, in *cip.UpdateUserPoolInput, _ ...func(*cip.Options)) (*cip.UpdateUserPoolOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if a := in.AdminCreateUserConfig; a != nil && a.UnusedAccountValidityDays != 0 {
		return nil, invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays")
	}
	in = clone(in)
	old := p.p
	n := types.UserPoolType{
		Id: old.Id, Arn: old.Arn, Name: old.Name, CreationDate: old.CreationDate, LastModifiedDate: aws.Time(epoch.Add(time.Hour)),
		Status: old.Status, SchemaAttributes: old.SchemaAttributes, UsernameAttributes: old.UsernameAttributes,
		AliasAttributes: old.AliasAttributes, UsernameConfiguration: old.UsernameConfiguration,
		EstimatedNumberOfUsers: old.EstimatedNumberOfUsers,
		AccountRecoverySetting: in.AccountRecoverySetting, AdminCreateUserConfig: in.AdminCreateUserConfig,
		AutoVerifiedAttributes: in.AutoVerifiedAttributes, DeletionProtection: in.DeletionProtection,
		DeviceConfiguration: in.DeviceConfiguration, EmailConfiguration: in.EmailConfiguration,
		EmailVerificationMessage: in.EmailVerificationMessage, EmailVerificationSubject: in.EmailVerificationSubject,
		LambdaConfig: in.LambdaConfig, MfaConfiguration: in.MfaConfiguration, Policies: in.Policies,
		SmsAuthenticationMessage: in.SmsAuthenticationMessage, SmsConfiguration: in.SmsConfiguration,
		SmsVerificationMessage: in.SmsVerificationMessage, UserAttributeUpdateSettings: in.UserAttributeUpdateSettings,
		UserPoolAddOns: in.UserPoolAddOns, UserPoolTags: in.UserPoolTags, UserPoolTier: in.UserPoolTier,
		VerificationMessageTemplate: in.VerificationMessageTemplate,
	}
	if in.PoolName != nil {
		n.Name = in.PoolName
	}
	defaults(&n)
	if n.AdminCreateUserConfig.UnusedAccountValidityDays == 0 {
		n.AdminCreateUserConfig.UnusedAccountValidityDays = 7
	}
	p.p = n
	p.mfa.MfaConfiguration = n.MfaConfiguration
	return &cip.UpdateUserPoolOutput{}, nil
}

func (f *Fake) DeleteUserPool(_ context.Context, in *cip.DeleteUserPoolInput, _ ...func(*cip.Options)) (*cip.DeleteUserPoolOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if p.p.DeletionProtection == types.DeletionProtectionTypeActive {
		return nil, invalid("The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.")
	}
	if p.domain != nil {
		return nil, invalid("User pool cannot be deleted. It has a domain configured that should be deleted first.")
	}
	id := aws.ToString(in.UserPoolId)
	delete(f.pools, id)
	for i, x := range f.order {
		if x == id {
			f.order = append(f.order[:i], f.order[i+1:]...)
			break
		}
	}
	return &cip.DeleteUserPoolOutput{}, nil
}

func (f *Fake) ListUserPools(_ context.Context, in *cip.ListUserPoolsInput, _ ...func(*cip.Options)) (*cip.ListUserPoolsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	max := int(aws.ToInt32(in.MaxResults))
	if max < 1 || max > 60 {
		return nil, invalid("MaxResults must be between 1 and 60")
	}
	start := 0
	if in.NextToken != nil {
		start, _ = strconv.Atoi(*in.NextToken)
	}
	out := &cip.ListUserPoolsOutput{}
	for i := start; i < len(f.order) && i < start+max; i++ {
		p := f.pools[f.order[i]]
		out.UserPools = append(out.UserPools, types.UserPoolDescriptionType{Id: p.p.Id, Name: p.p.Name, CreationDate: p.p.CreationDate, LastModifiedDate: p.p.LastModifiedDate, Status: p.p.Status})
	}
	if start+max < len(f.order) {
		out.NextToken = aws.String(strconv.Itoa(start + max))
	}
	return out, nil
}

func (f *Fake) GetUserPoolMfaConfig(_ context.Context, in *cip.GetUserPoolMfaConfigInput, _ ...func(*cip.Options)) (*cip.GetUserPoolMfaConfigOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	out := clone(p.mfa)
	return &out, nil
}

// SetUserPoolMfaConfig refuses SMS settings together with MFA OFF, as
// Cognito does ("can't turn off MFA and configure an MFA together").
func (f *Fake) SetUserPoolMfaConfig(_ context.Context, in *cip.SetUserPoolMfaConfigInput, _ ...func(*cip.Options)) (*cip.SetUserPoolMfaConfigOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
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
	in = clone(in)
	mode := in.MfaConfiguration
	if mode == "" {
		mode = p.p.MfaConfiguration
	}
	p.mfa = cip.GetUserPoolMfaConfigOutput{MfaConfiguration: mode, SmsMfaConfiguration: in.SmsMfaConfiguration, SoftwareTokenMfaConfiguration: in.SoftwareTokenMfaConfiguration, EmailMfaConfiguration: in.EmailMfaConfiguration}
	p.p.MfaConfiguration = mode
	return &cip.SetUserPoolMfaConfigOutput{MfaConfiguration: mode}, nil
}

func (f *Fake) AddCustomAttributes(_ context.Context, in *cip.AddCustomAttributesInput, _ ...func(*cip.Options)) (*cip.AddCustomAttributesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.get(in.UserPoolId)
	if err != nil {
		return nil, err
	}
	if len(in.CustomAttributes) < 1 || len(in.CustomAttributes) > 25 {
		return nil, invalid("CustomAttributes must hold 1 to 25 attributes")
	}
	for _, s := range in.CustomAttributes {
		name := "custom:" + aws.ToString(s.Name)
		for _, e := range p.p.SchemaAttributes {
			if aws.ToString(e.Name) == name {
				return nil, invalid("Existing attribute already has name %s.", name)
			}
		}
	}
	for _, s := range in.CustomAttributes {
		p.p.SchemaAttributes = append(p.p.SchemaAttributes, customSchema(s))
	}
	return &cip.AddCustomAttributesOutput{}, nil
}

func (f *Fake) findByARN(arn *string) (*pool, error) {
	for _, p := range f.pools {
		if aws.ToString(p.p.Arn) == aws.ToString(arn) {
			return p, nil
		}
	}
	return nil, notFound("Resource %s does not exist.", aws.ToString(arn))
}

func (f *Fake) TagResource(_ context.Context, in *cip.TagResourceInput, _ ...func(*cip.Options)) (*cip.TagResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.findByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	for k, v := range in.Tags {
		p.p.UserPoolTags[k] = v
	}
	return &cip.TagResourceOutput{}, nil
}

func (f *Fake) UntagResource(_ context.Context, in *cip.UntagResourceInput, _ ...func(*cip.Options)) (*cip.UntagResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.findByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	for _, k := range in.TagKeys {
		delete(p.p.UserPoolTags, k)
	}
	return &cip.UntagResourceOutput{}, nil
}

func (f *Fake) ListTagsForResource(_ context.Context, in *cip.ListTagsForResourceInput, _ ...func(*cip.Options)) (*cip.ListTagsForResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.findByARN(in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return &cip.ListTagsForResourceOutput{Tags: clone(p.p.UserPoolTags)}, nil
}

func ptr[T any](v T) *T { return &v }
