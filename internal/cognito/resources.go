package cognito

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
)

// CreateGroup creates a group. Cognito answers GroupExistsException for a
// name that exists; apply only creates groups the plan found missing.
func CreateGroup(ctx context.Context, api API, poolID string, g *config.Group) error {
	if _, err := api.CreateGroup(ctx, ExpandCreateGroup(poolID, g), sendOnce); err != nil {
		return fmt.Errorf("creating group %s: %w", g.Name, err)
	}
	return nil
}

// UpdateGroup changes a group's description, precedence and role. Like the
// other updates, omitted members are cleared, so all three are sent.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateGroup.html
func UpdateGroup(ctx context.Context, api API, poolID string, g *config.Group) error {
	_, err := api.UpdateGroup(ctx, &cip.UpdateGroupInput{
		UserPoolId: aws.String(poolID), GroupName: aws.String(g.Name),
		Description: aws.String(g.Description), Precedence: int32Ptr(g.Precedence), RoleArn: strPtr(g.RoleARN),
	})
	if err != nil {
		return fmt.Errorf("updating group %s: %w", g.Name, err)
	}
	return nil
}

// DeleteGroup deletes a group (its members stay in the pool).
func DeleteGroup(ctx context.Context, api API, poolID, name string) error {
	if _, err := api.DeleteGroup(ctx, &cip.DeleteGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String(name)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting group %s: %w", name, err)
	}
	return nil
}

func int32Ptr(p *int) *int32 {
	if p == nil {
		return nil
	}
	return aws.Int32(int32(*p))
}

func flattenGroup(g types.GroupType) config.Group {
	out := config.Group{Name: aws.ToString(g.GroupName), Description: aws.ToString(g.Description), RoleARN: aws.ToString(g.RoleArn)}
	if g.Precedence != nil {
		out.Precedence = config.Int(int(*g.Precedence))
	}
	return out
}

// DomainName is the domain string Cognito knows: the prefix or the custom domain.
func DomainName(d *config.Domain) string {
	if d == nil {
		return ""
	}
	if d.CustomDomain != "" {
		return d.CustomDomain
	}
	return d.Prefix
}

// CreateDomain creates the hosted UI domain.
func CreateDomain(ctx context.Context, api API, poolID string, d *config.Domain) error {
	if _, err := api.CreateUserPoolDomain(ctx, ExpandCreateUserPoolDomain(poolID, d), sendOnce); err != nil {
		return fmt.Errorf("creating domain %s: %w", DomainName(d), err)
	}
	return nil
}

// UpdateDomain changes what can change on a domain: the certificate and the
// managed login version. The domain string itself cannot be renamed.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html
func UpdateDomain(ctx context.Context, api API, poolID string, d *config.Domain) error {
	in := &cip.UpdateUserPoolDomainInput{UserPoolId: aws.String(poolID), Domain: aws.String(DomainName(d)), ManagedLoginVersion: int32Ptr(d.ManagedLoginVersion)}
	if d.CertificateARN != "" {
		in.CustomDomainConfig = &types.CustomDomainConfigType{CertificateArn: aws.String(d.CertificateARN)}
	}
	if in.ManagedLoginVersion == nil || (d.CustomDomain != "" && in.CustomDomainConfig == nil) {
		// What the file leaves out is sent back as Cognito has it, so that
		// changing the certificate never switches managed login back to
		// the classic hosted UI, nor the other way round.
		// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html
		out, err := api.DescribeUserPoolDomain(ctx, &cip.DescribeUserPoolDomainInput{Domain: in.Domain})
		if err != nil {
			return fmt.Errorf("reading domain %s: %w", DomainName(d), err)
		}
		if live := out.DomainDescription; live != nil {
			if in.ManagedLoginVersion == nil {
				in.ManagedLoginVersion = live.ManagedLoginVersion
			}
			if in.CustomDomainConfig == nil && d.CustomDomain != "" {
				in.CustomDomainConfig = live.CustomDomainConfig
			}
		}
	}
	if _, err := api.UpdateUserPoolDomain(ctx, in); err != nil {
		return fmt.Errorf("updating domain %s: %w", DomainName(d), err)
	}
	return nil
}

// DeleteDomain deletes the hosted UI domain.
func DeleteDomain(ctx context.Context, api API, poolID, domain string) error {
	if _, err := api.DeleteUserPoolDomain(ctx, &cip.DeleteUserPoolDomainInput{UserPoolId: aws.String(poolID), Domain: aws.String(domain)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting domain %s: %w", domain, err)
	}
	return nil
}

// Secrets resolves a "${env:NAME}" reference to its value at apply time.
type Secrets func(ref string) (string, error)

// scopeSeparator: Facebook wants commas between authorize_scopes, the
// others spaces.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html
func scopeSeparator(typ string) string {
	if typ == config.IdPFacebook {
		return ","
	}
	return " "
}

// expandProviderDetails builds ProviderDetails for p, resolving secrets.
func expandProviderDetails(p *config.IdentityProvider, secrets Secrets) (map[string]string, error) {
	d := map[string]string{}
	put := func(k, v string) {
		if v != "" {
			d[k] = v
		}
	}
	secret := func(k, ref string) error {
		if ref == "" {
			return nil
		}
		v, err := secrets(ref)
		if err != nil {
			return fmt.Errorf("identity provider %s: %s: %w", p.ProviderName(), k, err)
		}
		d[k] = v
		return nil
	}
	if p.Type == config.IdPSAML {
		put("MetadataURL", p.MetadataURL)
		return d, nil
	}
	put("client_id", p.ClientID)
	put("authorize_scopes", strings.Join(p.Scopes, scopeSeparator(p.Type)))
	if err := secret("client_secret", p.ClientSecret); err != nil {
		return nil, err
	}
	switch p.Type {
	case config.IdPFacebook:
		put("api_version", p.APIVersion)
	case config.IdPApple:
		put("team_id", p.TeamID)
		put("key_id", p.KeyID)
		if err := secret("private_key", p.PrivateKey); err != nil {
			return nil, err
		}
	case config.IdPOIDC:
		put("oidc_issuer", p.OIDCIssuer)
		put("attributes_request_method", p.AttributesRequestMethod)
	}
	return d, nil
}

// CreateIdentityProvider creates a social, OIDC or SAML provider.
func CreateIdentityProvider(ctx context.Context, api API, poolID string, p *config.IdentityProvider, secrets Secrets) error {
	in, err := ExpandCreateIdentityProvider(poolID, p, secrets)
	if err != nil {
		return err
	}
	if _, err := api.CreateIdentityProvider(ctx, in, sendOnce); err != nil {
		return fmt.Errorf("creating identity provider %s: %w", p.ProviderName(), err)
	}
	return nil
}

// UpdateIdentityProvider replaces a provider's details, mapping and
// identifiers; the secret is sent again because ProviderDetails is a whole.
func UpdateIdentityProvider(ctx context.Context, api API, poolID string, p *config.IdentityProvider, secrets Secrets) error {
	d, err := expandProviderDetails(p, secrets)
	if err != nil {
		return err
	}
	_, err = api.UpdateIdentityProvider(ctx, &cip.UpdateIdentityProviderInput{
		UserPoolId: aws.String(poolID), ProviderName: aws.String(p.ProviderName()),
		ProviderDetails: d, AttributeMapping: p.AttributeMapping, IdpIdentifiers: p.Identifiers,
	})
	if err != nil {
		return fmt.Errorf("updating identity provider %s: %w", p.ProviderName(), err)
	}
	return nil
}

// DeleteIdentityProvider deletes a provider.
func DeleteIdentityProvider(ctx context.Context, api API, poolID, name string) error {
	if _, err := api.DeleteIdentityProvider(ctx, &cip.DeleteIdentityProviderInput{UserPoolId: aws.String(poolID), ProviderName: aws.String(name)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting identity provider %s: %w", name, err)
	}
	return nil
}

// addedDetailKeys are the ProviderDetails keys Cognito adds on describe,
// per type; they are not settings and are dropped when reading back.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html
var addedDetailKeys = map[string][]string{
	config.IdPGoogle:   {"attributes_url", "attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method", "token_url"},
	config.IdPFacebook: {"attributes_url", "attributes_url_add_attributes", "authorize_url", "token_request_method", "token_url"},
	config.IdPAmazon:   {"attributes_url", "attributes_url_add_attributes", "authorize_url", "token_request_method", "token_url"},
	config.IdPApple:    {"authorize_url", "oidc_issuer", "token_url", "token_request_method", "attributes_url", "attributes_url_add_attributes"},
	config.IdPOIDC:     {"attributes_url_add_attributes"},
	config.IdPSAML:     {"SSORedirectBindingURI", "SLORedirectBindingURI", "ActiveEncryptionCertificate"},
}

// flattenIdentityProvider reads a provider into the model. A secret read
// back is never put in the model: the field holds the ${env:NAME}
// reference a file would use, and the value goes to secrets only, for
// in-memory comparison.
func flattenIdentityProvider(p *types.IdentityProviderType, secrets map[string]string) config.IdentityProvider {
	typ := string(p.ProviderType)
	name := aws.ToString(p.ProviderName)
	d := map[string]string{}
	for k, v := range p.ProviderDetails {
		d[k] = v
	}
	for _, k := range addedDetailKeys[typ] {
		if typ == config.IdPOIDC && k == "oidc_issuer" {
			continue
		}
		delete(d, k)
	}
	out := config.IdentityProvider{Type: typ, AttributeMapping: p.AttributeMapping, Identifiers: p.IdpIdentifiers}
	if name != typ {
		out.Name = name
	}
	if typ == config.IdPSAML {
		out.MetadataURL = d["MetadataURL"]
		return out
	}
	out.ClientID = d["client_id"]
	if s := d["authorize_scopes"]; s != "" {
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
			out.Scopes = append(out.Scopes, f)
		}
	}
	if v, ok := d["client_secret"]; ok {
		out.ClientSecret = config.SecretRef(config.SecretEnvName(name, "client_secret"))
		secrets[name+"/client_secret"] = v
	}
	switch typ {
	case config.IdPFacebook:
		out.APIVersion = d["api_version"]
	case config.IdPApple:
		out.TeamID, out.KeyID = d["team_id"], d["key_id"]
		// private_key is write-only: Cognito never returns it.
		out.PrivateKey = config.SecretRef(config.SecretEnvName(name, "private_key"))
	case config.IdPOIDC:
		out.OIDCIssuer = d["oidc_issuer"]
		out.AttributesRequestMethod = d["attributes_request_method"]
	}
	return out
}

// CreateResourceServer creates a resource server with its scopes.
func CreateResourceServer(ctx context.Context, api API, poolID string, rs *config.ResourceServer) error {
	if _, err := api.CreateResourceServer(ctx, ExpandCreateResourceServer(poolID, rs), sendOnce); err != nil {
		return fmt.Errorf("creating resource server %s: %w", rs.Identifier, err)
	}
	return nil
}

// UpdateResourceServer replaces a resource server's name and scopes.
func UpdateResourceServer(ctx context.Context, api API, poolID string, rs *config.ResourceServer) error {
	_, err := api.UpdateResourceServer(ctx, &cip.UpdateResourceServerInput{UserPoolId: aws.String(poolID), Identifier: aws.String(rs.Identifier), Name: aws.String(rs.Name), Scopes: expandScopes(rs.Scopes)})
	if err != nil {
		return fmt.Errorf("updating resource server %s: %w", rs.Identifier, err)
	}
	return nil
}

// DeleteResourceServer deletes a resource server.
func DeleteResourceServer(ctx context.Context, api API, poolID, identifier string) error {
	if _, err := api.DeleteResourceServer(ctx, &cip.DeleteResourceServerInput{UserPoolId: aws.String(poolID), Identifier: aws.String(identifier)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting resource server %s: %w", identifier, err)
	}
	return nil
}

func expandScopes(list []config.Scope) []types.ResourceServerScopeType {
	out := []types.ResourceServerScopeType{}
	for _, s := range list {
		out = append(out, types.ResourceServerScopeType{ScopeName: aws.String(s.Name), ScopeDescription: aws.String(s.Description)})
	}
	return out
}

func flattenResourceServer(rs types.ResourceServerType) config.ResourceServer {
	out := config.ResourceServer{Identifier: aws.ToString(rs.Identifier), Name: aws.ToString(rs.Name)}
	for _, s := range rs.Scopes {
		out.Scopes = append(out.Scopes, config.Scope{Name: aws.ToString(s.ScopeName), Description: aws.ToString(s.ScopeDescription)})
	}
	return out
}

// DomainOwner returns the id of the user pool that holds domain, or "" when
// the domain is free. Prefixes are global across all AWS accounts, so a
// name is often taken by someone else; DescribeUserPoolDomain answers with
// an empty description for a free name.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolDomain.html
func DomainOwner(ctx context.Context, api API, domain string) (string, error) {
	out, err := api.DescribeUserPoolDomain(ctx, &cip.DescribeUserPoolDomainInput{Domain: aws.String(domain)})
	if err != nil {
		if IsNotFound(err) {
			return "", nil
		}
		return "", fmt.Errorf("checking domain %s: %w", domain, err)
	}
	if out.DomainDescription == nil {
		return "", nil
	}
	return aws.ToString(out.DomainDescription.UserPoolId), nil
}
