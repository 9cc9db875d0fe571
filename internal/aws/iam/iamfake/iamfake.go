// Package iamfake is the IAM service of the generic fake (internal/awsfake):
// thin adapters over its Store for the role operations cogwiz calls,
// speaking IAM's query protocol, so the real SDK client reaches it through
// its endpoint. It follows the IAM API reference:
//   - role names are unique in the account (EntityAlreadyExists, 409) and
//     must match [\w+=,.@-]{1,64}; paths /…/; documents must be JSON
//     (MalformedPolicyDocument);
//   - GetRole, ListRoles and GetRolePolicy hand policy documents back
//     URL-encoded, and ListRoles returns no tags;
//   - DeleteRole fails with DeleteConflict while policies are attached or
//     embedded;
//   - a missing role is NoSuchEntity (404).
package iamfake

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/cogwiz/cogwiz/internal/awsfake"
)

// Version and namespace of the IAM query API.
const (
	Version   = "2010-05-08"
	namespace = "https://iam.amazonaws.com/doc/2010-05-08/"
	typeRole  = "iam:role"
)

// Fake serves IAM on an awsfake.Server.
type Fake struct {
	Server  *awsfake.Server
	Account string
}

// Register adds IAM to s; roles get ARNs in account.
func Register(s *awsfake.Server, account string) *Fake {
	f := &Fake{Server: s, Account: account}
	sv := s.QueryService(Version, namespace)
	awsfake.QueryOp(sv, "CreateRole", f.createRole)
	awsfake.QueryOp(sv, "GetRole", f.getRole)
	awsfake.QueryOp(sv, "DeleteRole", f.deleteRole)
	awsfake.QueryOp(sv, "ListRoles", f.listRoles)
	awsfake.QueryOp(sv, "UpdateAssumeRolePolicy", f.updateAssumeRolePolicy)
	awsfake.QueryOp(sv, "AttachRolePolicy", f.attachRolePolicy)
	awsfake.QueryOp(sv, "DetachRolePolicy", f.detachRolePolicy)
	awsfake.QueryOp(sv, "ListAttachedRolePolicies", f.listAttachedRolePolicies)
	awsfake.QueryOp(sv, "PutRolePolicy", f.putRolePolicy)
	awsfake.QueryOp(sv, "GetRolePolicy", f.getRolePolicy)
	awsfake.QueryOp(sv, "DeleteRolePolicy", f.deleteRolePolicy)
	awsfake.QueryOp(sv, "ListRolePolicies", f.listRolePolicies)
	awsfake.QueryOp(sv, "TagRole", f.tagRole)
	return f
}

type roleRec struct {
	role     types.Role
	attached []string
	inline   map[string]string
}

// Patterns and limits from the API reference.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
var (
	roleName   = regexp.MustCompile(`^[\w+=,.@-]{1,64}$`)
	rolePath   = regexp.MustCompile(`^(/|/[\x21-\x7E]+/)$`)
	policyARN  = regexp.MustCompile(`^arn:aws[\w-]*:iam::(aws|\d{12}):policy/[\w+=,.@/-]+$`)
	policyName = regexp.MustCompile(`^[\w+=,.@-]{1,128}$`)
)

func validation(format string, args ...any) error {
	return awsfake.Errorf("ValidationError", format, args...)
}

func noSuchEntity(format string, args ...any) error {
	return &awsfake.Error{Status: 404, Code: "NoSuchEntity", Message: fmt.Sprintf(format, args...)}
}

func checkDocument(doc *string) error {
	if doc == nil || !json.Valid([]byte(*doc)) {
		return awsfake.Errorf("MalformedPolicyDocument", "This policy contains invalid Json")
	}
	return nil
}

func (f *Fake) role(name *string) (*awsfake.Item, *roleRec, error) {
	if !roleName.MatchString(aws.ToString(name)) {
		return nil, nil, validation("1 validation error detected: Value '%s' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+", aws.ToString(name))
	}
	return awsfake.Find[*roleRec](f.Server.Store, typeRole, aws.ToString(name), noSuchEntity("The role with name %s cannot be found.", aws.ToString(name)))
}

// tagMap is IAM's tag list as a map.
func tagMap(tags []types.Tag) map[string]string {
	out := map[string]string{}
	for _, t := range tags {
		out[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return out
}

// view is the role as GetRole shows it: tags, and the trust policy URL-encoded.
func view(it *awsfake.Item, withTags bool) *types.Role {
	r := it.Value.(*roleRec).role
	r.AssumeRolePolicyDocument = aws.String(url.QueryEscape(aws.ToString(r.AssumeRolePolicyDocument)))
	if withTags {
		for _, k := range slices.Sorted(maps.Keys(it.Tags)) {
			r.Tags = append(r.Tags, types.Tag{Key: aws.String(k), Value: aws.String(it.Tags[k])})
		}
	}
	return &r
}

func (f *Fake) createRole(in *iam.CreateRoleInput) (*iam.CreateRoleOutput, error) {
	name := aws.ToString(in.RoleName)
	if !roleName.MatchString(name) {
		return nil, validation("1 validation error detected: Value '%s' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64 and match [\\w+=,.@-]+", name)
	}
	path := "/"
	if in.Path != nil {
		path = *in.Path
	}
	if !rolePath.MatchString(path) || len(path) > 512 {
		return nil, validation("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.")
	}
	if err := checkDocument(in.AssumeRolePolicyDocument); err != nil {
		return nil, err
	}
	if len(in.Tags) > 50 {
		return nil, awsfake.Errorf("LimitExceeded", "A role can have at most 50 tags.")
	}
	s := f.Server.Store
	if _, ok := s.Get(typeRole, name); ok {
		return nil, &awsfake.Error{Status: 409, Code: "EntityAlreadyExists", Message: fmt.Sprintf("Role with name %s already exists.", name)}
	}
	r := types.Role{
		RoleName: aws.String(name), Path: aws.String(path), RoleId: aws.String(fmt.Sprintf("AROAFAKE%012d", s.Next())),
		Arn:        aws.String(fmt.Sprintf("arn:aws:iam::%s:role%s%s", f.Account, path, name)),
		CreateDate: aws.Time(s.Now()), AssumeRolePolicyDocument: in.AssumeRolePolicyDocument,
		Description: in.Description, MaxSessionDuration: aws.Int32(3600),
	}
	it := &awsfake.Item{Type: typeRole, ID: name, ARN: aws.ToString(r.Arn), Value: &roleRec{role: r, inline: map[string]string{}}}
	it.SetTags(tagMap(in.Tags))
	s.Put(it)
	return &iam.CreateRoleOutput{Role: view(it, true)}, nil
}

func (f *Fake) getRole(in *iam.GetRoleInput) (*iam.GetRoleOutput, error) {
	it, _, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	return &iam.GetRoleOutput{Role: view(it, true)}, nil
}

// deleteRole refuses while policies remain.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
func (f *Fake) deleteRole(in *iam.DeleteRoleInput) (*iam.DeleteRoleOutput, error) {
	it, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	if len(r.attached) > 0 {
		return nil, &awsfake.Error{Status: 409, Code: "DeleteConflict", Message: "Cannot delete entity, must detach all policies first."}
	}
	if len(r.inline) > 0 {
		return nil, &awsfake.Error{Status: 409, Code: "DeleteConflict", Message: "Cannot delete entity, must delete policies first."}
	}
	f.Server.Store.Delete(typeRole, it.ID)
	return &iam.DeleteRoleOutput{}, nil
}

// listRoles filters by path prefix and pages by Marker; it returns no tags.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
func (f *Fake) listRoles(in *iam.ListRolesInput) (*iam.ListRolesOutput, error) {
	prefix := aws.ToString(in.PathPrefix)
	var all []*awsfake.Item
	for _, it := range f.Server.Store.List(typeRole, "") {
		if strings.HasPrefix(aws.ToString(it.Value.(*roleRec).role.Path), prefix) {
			all = append(all, it)
		}
	}
	max := int(aws.ToInt32(in.MaxItems))
	if max == 0 {
		max = 100
	}
	page, next := awsfake.Page(all, in.Marker, max)
	out := &iam.ListRolesOutput{Roles: []types.Role{}, Marker: next, IsTruncated: next != nil}
	for _, it := range page {
		out.Roles = append(out.Roles, *view(it, false))
	}
	return out, nil
}

func (f *Fake) updateAssumeRolePolicy(in *iam.UpdateAssumeRolePolicyInput) (*iam.UpdateAssumeRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	if err := checkDocument(in.PolicyDocument); err != nil {
		return nil, err
	}
	r.role.AssumeRolePolicyDocument = in.PolicyDocument
	return &iam.UpdateAssumeRolePolicyOutput{}, nil
}

// attachRolePolicy accepts a policy ARN of the right shape (AWS managed
// policies exist in every account); attaching twice changes nothing.
func (f *Fake) attachRolePolicy(in *iam.AttachRolePolicyInput) (*iam.AttachRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	arn := aws.ToString(in.PolicyArn)
	if !policyARN.MatchString(arn) {
		return nil, awsfake.Errorf("InvalidInput", "ARN %s is not valid.", arn)
	}
	if !slices.Contains(r.attached, arn) {
		r.attached = append(r.attached, arn)
	}
	return &iam.AttachRolePolicyOutput{}, nil
}

func (f *Fake) detachRolePolicy(in *iam.DetachRolePolicyInput) (*iam.DetachRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	arn := aws.ToString(in.PolicyArn)
	i := slices.Index(r.attached, arn)
	if i < 0 {
		return nil, noSuchEntity("Policy %s was not found.", arn)
	}
	r.attached = slices.Delete(r.attached, i, i+1)
	return &iam.DetachRolePolicyOutput{}, nil
}

func (f *Fake) listAttachedRolePolicies(in *iam.ListAttachedRolePoliciesInput) (*iam.ListAttachedRolePoliciesOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	out := &iam.ListAttachedRolePoliciesOutput{AttachedPolicies: []types.AttachedPolicy{}}
	for _, arn := range r.attached {
		out.AttachedPolicies = append(out.AttachedPolicies, types.AttachedPolicy{PolicyArn: aws.String(arn), PolicyName: aws.String(arn[strings.LastIndex(arn, "/")+1:])})
	}
	return out, nil
}

func (f *Fake) putRolePolicy(in *iam.PutRolePolicyInput) (*iam.PutRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	if !policyName.MatchString(aws.ToString(in.PolicyName)) {
		return nil, validation("Value '%s' at 'policyName' failed to satisfy constraint", aws.ToString(in.PolicyName))
	}
	if err := checkDocument(in.PolicyDocument); err != nil {
		return nil, err
	}
	r.inline[aws.ToString(in.PolicyName)] = aws.ToString(in.PolicyDocument)
	return &iam.PutRolePolicyOutput{}, nil
}

func (f *Fake) getRolePolicy(in *iam.GetRolePolicyInput) (*iam.GetRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	doc, ok := r.inline[aws.ToString(in.PolicyName)]
	if !ok {
		return nil, noSuchEntity("The role policy with name %s cannot be found.", aws.ToString(in.PolicyName))
	}
	return &iam.GetRolePolicyOutput{RoleName: in.RoleName, PolicyName: in.PolicyName, PolicyDocument: aws.String(url.QueryEscape(doc))}, nil
}

func (f *Fake) deleteRolePolicy(in *iam.DeleteRolePolicyInput) (*iam.DeleteRolePolicyOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	if _, ok := r.inline[aws.ToString(in.PolicyName)]; !ok {
		return nil, noSuchEntity("The role policy with name %s cannot be found.", aws.ToString(in.PolicyName))
	}
	delete(r.inline, aws.ToString(in.PolicyName))
	return &iam.DeleteRolePolicyOutput{}, nil
}

func (f *Fake) listRolePolicies(in *iam.ListRolePoliciesInput) (*iam.ListRolePoliciesOutput, error) {
	_, r, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	return &iam.ListRolePoliciesOutput{PolicyNames: slices.Sorted(maps.Keys(r.inline))}, nil
}

func (f *Fake) tagRole(in *iam.TagRoleInput) (*iam.TagRoleOutput, error) {
	it, _, err := f.role(in.RoleName)
	if err != nil {
		return nil, err
	}
	if err := it.AddTags(tagMap(in.Tags), 50, awsfake.Errorf("LimitExceeded", "A role can have at most 50 tags.")); err != nil {
		return nil, err
	}
	return &iam.TagRoleOutput{}, nil
}

// RoleNames lists the roles in creation order.
func (f *Fake) RoleNames() []string { return f.Server.IDs(typeRole) }

// PutRole stores a role made outside cogwiz (an existing role a file names
// by ARN), for tests.
func (f *Fake) PutRole(name string) string {
	var arn string
	f.Server.Lock(func(s *awsfake.Store) {
		arn = fmt.Sprintf("arn:aws:iam::%s:role/%s", f.Account, name)
		doc := `{"Version":"2012-10-17","Statement":[]}`
		s.Put(&awsfake.Item{Type: typeRole, ID: name, ARN: arn, Value: &roleRec{
			role:   types.Role{RoleName: aws.String(name), Path: aws.String("/"), Arn: aws.String(arn), AssumeRolePolicyDocument: aws.String(doc)},
			inline: map[string]string{},
		}})
	})
	return arn
}
