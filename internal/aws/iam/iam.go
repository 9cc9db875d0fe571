// Package iam is cogwiz's only door to the AWS SDK's IAM service: a narrow
// interface that *iam.Client satisfies, and the roles cogwiz creates —
// trust policy, managed policy attachments, inline policies and tags —
// read back and compared in one shape (Role). It knows nothing of Cognito:
// the identity pool's roles and, later, the trigger functions' execution
// roles are both plain roles here.
package iam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
)

// API is the subset of IAM that cogwiz calls, with the SDK's signatures.
type API interface {
	CreateRole(ctx context.Context, params *iam.CreateRoleInput, optFns ...func(*iam.Options)) (*iam.CreateRoleOutput, error)
	GetRole(ctx context.Context, params *iam.GetRoleInput, optFns ...func(*iam.Options)) (*iam.GetRoleOutput, error)
	DeleteRole(ctx context.Context, params *iam.DeleteRoleInput, optFns ...func(*iam.Options)) (*iam.DeleteRoleOutput, error)
	ListRoles(ctx context.Context, params *iam.ListRolesInput, optFns ...func(*iam.Options)) (*iam.ListRolesOutput, error)
	UpdateAssumeRolePolicy(ctx context.Context, params *iam.UpdateAssumeRolePolicyInput, optFns ...func(*iam.Options)) (*iam.UpdateAssumeRolePolicyOutput, error)
	AttachRolePolicy(ctx context.Context, params *iam.AttachRolePolicyInput, optFns ...func(*iam.Options)) (*iam.AttachRolePolicyOutput, error)
	DetachRolePolicy(ctx context.Context, params *iam.DetachRolePolicyInput, optFns ...func(*iam.Options)) (*iam.DetachRolePolicyOutput, error)
	ListAttachedRolePolicies(ctx context.Context, params *iam.ListAttachedRolePoliciesInput, optFns ...func(*iam.Options)) (*iam.ListAttachedRolePoliciesOutput, error)
	PutRolePolicy(ctx context.Context, params *iam.PutRolePolicyInput, optFns ...func(*iam.Options)) (*iam.PutRolePolicyOutput, error)
	GetRolePolicy(ctx context.Context, params *iam.GetRolePolicyInput, optFns ...func(*iam.Options)) (*iam.GetRolePolicyOutput, error)
	DeleteRolePolicy(ctx context.Context, params *iam.DeleteRolePolicyInput, optFns ...func(*iam.Options)) (*iam.DeleteRolePolicyOutput, error)
	ListRolePolicies(ctx context.Context, params *iam.ListRolePoliciesInput, optFns ...func(*iam.Options)) (*iam.ListRolePoliciesOutput, error)
	TagRole(ctx context.Context, params *iam.TagRoleInput, optFns ...func(*iam.Options)) (*iam.TagRoleOutput, error)
}

// The real client must satisfy API.
var _ API = (*iam.Client)(nil)

// New builds the IAM client from a loaded configuration; endpointURL
// overrides the endpoint (tests).
func New(cfg aws.Config, endpointURL string) API {
	return iam.NewFromConfig(cfg, func(o *iam.Options) { o.BaseEndpoint = awsclient.Endpoint(endpointURL) })
}

// Role is an IAM role as cogwiz manages it. Policy documents are JSON in
// canonical form (see CanonicalPolicy), so that equal policies compare equal.
type Role struct {
	Name        string
	Path        string
	ARN         string
	Description string
	TrustPolicy string
	// ManagedPolicyARNs is sorted.
	ManagedPolicyARNs []string
	// InlinePolicies maps policy name to document.
	InlinePolicies map[string]string
	Tags           map[string]string
}

// ErrNotFound is returned when a role does not exist.
var ErrNotFound = errors.New("role not found")

// IsNotFound reports whether err says that the entity does not exist.
// IAM answers NoSuchEntity; this SDK version surfaces that code as a
// generic API error rather than *types.NoSuchEntityException, so the code
// is what is checked.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
func IsNotFound(err error) bool {
	var nse *types.NoSuchEntityException
	return errors.Is(err, ErrNotFound) || errors.As(err, &nse) || awsclient.ErrorCode(err) == "NoSuchEntity"
}

// CanonicalPolicy returns a policy document as compact JSON with sorted
// keys. IAM hands documents back URL-encoded (RFC 3986) and reformatted,
// so both sides of a comparison go through this.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
func CanonicalPolicy(doc string) (string, error) {
	if dec, err := url.QueryUnescape(doc); err == nil && json.Valid([]byte(dec)) && !json.Valid([]byte(doc)) {
		doc = dec
	}
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		return "", fmt.Errorf("policy document is not JSON: %w", err)
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// ExpandCreateRole is the CreateRole request of r: trust policy and tags
// go with the create, so a role is never without its owner's tags.
func ExpandCreateRole(r Role) *iam.CreateRoleInput {
	in := &iam.CreateRoleInput{RoleName: aws.String(r.Name), AssumeRolePolicyDocument: aws.String(r.TrustPolicy)}
	if r.Path != "" {
		in.Path = aws.String(r.Path)
	}
	if r.Description != "" {
		in.Description = aws.String(r.Description)
	}
	for _, k := range slices.Sorted(maps.Keys(r.Tags)) {
		in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(r.Tags[k])})
	}
	return in
}

// ExpandAttachRolePolicy is the AttachRolePolicy request that attaches the
// managed policy arn to role.
func ExpandAttachRolePolicy(role, arn string) *iam.AttachRolePolicyInput {
	return &iam.AttachRolePolicyInput{RoleName: aws.String(role), PolicyArn: aws.String(arn)}
}

// ExpandPutRolePolicy is the PutRolePolicy request that puts the inline
// policy name with document doc on role.
func ExpandPutRolePolicy(role, name, doc string) *iam.PutRolePolicyInput {
	return &iam.PutRolePolicyInput{RoleName: aws.String(role), PolicyName: aws.String(name), PolicyDocument: aws.String(doc)}
}

// FlattenRole reads the SDK's role (from GetRole) into a Role; policies
// attached to it are read separately (ReadRole).
func FlattenRole(r *types.Role) (Role, error) {
	out := Role{
		Name: aws.ToString(r.RoleName), Path: aws.ToString(r.Path), ARN: aws.ToString(r.Arn),
		Description: aws.ToString(r.Description), Tags: map[string]string{},
	}
	for _, t := range r.Tags {
		out.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	if r.AssumeRolePolicyDocument != nil {
		doc, err := CanonicalPolicy(*r.AssumeRolePolicyDocument)
		if err != nil {
			return out, fmt.Errorf("role %s: trust policy: %w", out.Name, err)
		}
		out.TrustPolicy = doc
	}
	return out, nil
}

// ReadRole reads a role by name with its attached and inline policies.
// A missing role is ErrNotFound.
func ReadRole(ctx context.Context, api API, name string) (*Role, error) {
	out, err := api.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(name)})
	if err != nil {
		if IsNotFound(err) {
			return nil, fmt.Errorf("role %s: %w", name, ErrNotFound)
		}
		return nil, fmt.Errorf("reading role %s: %w", name, err)
	}
	r, err := FlattenRole(out.Role)
	if err != nil {
		return nil, err
	}
	ap := iam.NewListAttachedRolePoliciesPaginator(api, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String(name)})
	for ap.HasMorePages() {
		page, err := ap.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the policies of role %s: %w", name, err)
		}
		for _, p := range page.AttachedPolicies {
			r.ManagedPolicyARNs = append(r.ManagedPolicyARNs, aws.ToString(p.PolicyArn))
		}
	}
	slices.Sort(r.ManagedPolicyARNs)
	ip := iam.NewListRolePoliciesPaginator(api, &iam.ListRolePoliciesInput{RoleName: aws.String(name)})
	for ip.HasMorePages() {
		page, err := ip.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the inline policies of role %s: %w", name, err)
		}
		for _, pn := range page.PolicyNames {
			doc, err := api.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: aws.String(name), PolicyName: aws.String(pn)})
			if err != nil {
				return nil, fmt.Errorf("reading inline policy %s of role %s: %w", pn, name, err)
			}
			c, err := CanonicalPolicy(aws.ToString(doc.PolicyDocument))
			if err != nil {
				return nil, fmt.Errorf("role %s, inline policy %s: %w", name, pn, err)
			}
			if r.InlinePolicies == nil {
				r.InlinePolicies = map[string]string{}
			}
			r.InlinePolicies[pn] = c
		}
	}
	return &r, nil
}

// ListByPath reads every role under an IAM path (the path cogwiz gives the
// roles of one file), with its policies. ListRoles does not return tags,
// so each role is read in full.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
func ListByPath(ctx context.Context, api API, path string) ([]Role, error) {
	var out []Role
	p := iam.NewListRolesPaginator(api, &iam.ListRolesInput{PathPrefix: aws.String(path)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing roles under %s: %w", path, err)
		}
		for _, r := range page.Roles {
			if aws.ToString(r.Path) != path {
				continue // a deeper path belongs to someone else
			}
			full, err := ReadRole(ctx, api, aws.ToString(r.RoleName))
			if err != nil {
				if IsNotFound(err) {
					continue // deleted between list and read
				}
				return nil, err
			}
			out = append(out, *full)
		}
	}
	return out, nil
}

// CreateRole creates r with its trust policy and tags, then attaches its
// managed policies and puts its inline policies. The create is sent once:
// after an answer that leaves open whether IAM made the role, the role is
// looked up, and taken as made only when it carries r's tags (role names
// are unique in an account, so a role of that name without them is
// someone else's). It returns the role's ARN.
func CreateRole(ctx context.Context, api API, r Role) (string, error) {
	out, err := api.CreateRole(ctx, ExpandCreateRole(r), func(o *iam.Options) { o.Retryer = awsclient.SendOnce(o.Retryer) })
	live := Role{Name: r.Name, TrustPolicy: r.TrustPolicy, Tags: r.Tags}
	switch {
	case err == nil:
		live.ARN = aws.ToString(out.Role.Arn)
	case awsclient.IsAmbiguous(err):
		found, lerr := ReadRole(ctx, api, r.Name)
		if lerr != nil || !awsclient.HasTags(found.Tags, r.Tags) {
			return "", fmt.Errorf("creating role %s: %w (looked up afterwards: not made)", r.Name, err)
		}
		live = *found
	default:
		return "", fmt.Errorf("creating role %s: %w", r.Name, err)
	}
	return live.ARN, UpdateRole(ctx, api, r, live)
}

// UpdateRole makes the live role match want: the trust policy, attached
// managed policies, inline policies and tags (tags are only added or
// changed, never removed: others may tag the role too). Every call is
// idempotent, so a run cut off half-way is finished by the next.
func UpdateRole(ctx context.Context, api API, want, live Role) error {
	name := aws.String(want.Name)
	if !samePolicy(want.TrustPolicy, live.TrustPolicy) {
		if _, err := api.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: name, PolicyDocument: aws.String(want.TrustPolicy)}); err != nil {
			return fmt.Errorf("updating the trust policy of role %s: %w", want.Name, err)
		}
	}
	for _, arn := range want.ManagedPolicyARNs {
		if !slices.Contains(live.ManagedPolicyARNs, arn) {
			if _, err := api.AttachRolePolicy(ctx, ExpandAttachRolePolicy(want.Name, arn)); err != nil {
				return fmt.Errorf("attaching %s to role %s: %w", arn, want.Name, err)
			}
		}
	}
	for _, arn := range live.ManagedPolicyARNs {
		if !slices.Contains(want.ManagedPolicyARNs, arn) {
			if _, err := api.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: name, PolicyArn: aws.String(arn)}); err != nil && !IsNotFound(err) {
				return fmt.Errorf("detaching %s from role %s: %w", arn, want.Name, err)
			}
		}
	}
	for _, pn := range slices.Sorted(maps.Keys(want.InlinePolicies)) {
		if doc := want.InlinePolicies[pn]; !samePolicy(doc, live.InlinePolicies[pn]) {
			if _, err := api.PutRolePolicy(ctx, ExpandPutRolePolicy(want.Name, pn, doc)); err != nil {
				return fmt.Errorf("putting inline policy %s on role %s: %w", pn, want.Name, err)
			}
		}
	}
	for _, pn := range slices.Sorted(maps.Keys(live.InlinePolicies)) {
		if _, ok := want.InlinePolicies[pn]; !ok {
			if _, err := api.DeleteRolePolicy(ctx, &iam.DeleteRolePolicyInput{RoleName: name, PolicyName: aws.String(pn)}); err != nil && !IsNotFound(err) {
				return fmt.Errorf("deleting inline policy %s of role %s: %w", pn, want.Name, err)
			}
		}
	}
	if !awsclient.HasTags(live.Tags, want.Tags) {
		in := &iam.TagRoleInput{RoleName: name}
		for _, k := range slices.Sorted(maps.Keys(want.Tags)) {
			in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(want.Tags[k])})
		}
		if _, err := api.TagRole(ctx, in); err != nil {
			return fmt.Errorf("tagging role %s: %w", want.Name, err)
		}
	}
	return nil
}

// samePolicy compares two documents in canonical form.
func samePolicy(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ca, err1 := CanonicalPolicy(a)
	cb, err2 := CanonicalPolicy(b)
	return err1 == nil && err2 == nil && ca == cb
}

// Differs reports whether UpdateRole would change anything.
func Differs(want, live Role) bool {
	if !samePolicy(want.TrustPolicy, live.TrustPolicy) || !awsclient.HasTags(live.Tags, want.Tags) {
		return true
	}
	if !slices.Equal(sorted(want.ManagedPolicyARNs), sorted(live.ManagedPolicyARNs)) || len(want.InlinePolicies) != len(live.InlinePolicies) {
		return true
	}
	for pn, doc := range want.InlinePolicies {
		if !samePolicy(doc, live.InlinePolicies[pn]) {
			return true
		}
	}
	return false
}

func sorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}

// DeleteRole deletes a role: IAM refuses while policies are attached or
// embedded (DeleteConflict), so those go first. A role that is already
// gone is no error.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
func DeleteRole(ctx context.Context, api API, name string) error {
	live, err := ReadRole(ctx, api, name)
	if err != nil {
		if IsNotFound(err) {
			return nil
		}
		return err
	}
	if err := UpdateRole(ctx, api, Role{Name: name, TrustPolicy: live.TrustPolicy}, *live); err != nil {
		return err
	}
	if _, err := api.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: aws.String(name)}); err != nil && !IsNotFound(err) {
		return fmt.Errorf("deleting role %s: %w", name, err)
	}
	return nil
}
