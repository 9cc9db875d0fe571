package iamfake

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/cogwiz/cogwiz/internal/awsfake"
)

// TrustPolicy returns the trust policy of the role with ARN arn, for
// other services of the same fake that check who may assume a role
// (Lambda's CreateFunction). Call it with the server's lock held, as an
// adapter is.
func TrustPolicy(s *awsfake.Store, arn string) (string, bool) {
	it, ok := s.ByARN(arn)
	if !ok || it.Type != typeRole {
		return "", false
	}
	// Stored as CreateRole received it (GetRole alone URL-encodes it).
	return aws.ToString(it.Value.(*roleRec).role.AssumeRolePolicyDocument), true
}
