package cognito

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/config"
)

// SetTriggers points the pool's triggers at functions: set maps trigger
// keys (pre_sign_up, post_confirmation, ...) to ARNs, "" removing one.
// Everything else — the other triggers, the pre token generation event
// version, every other setting — is sent back as it is (read-modify-write:
// UpdateUserPool resets what it is not sent).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html
func SetTriggers(ctx context.Context, api API, poolID string, set map[string]string) error {
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		return fmt.Errorf("reading user pool %s: %w", poolID, err)
	}
	s := poolSettingsFromLive(out.UserPool)
	t, rm := &config.Triggers{}, Removals{}
	for key, arn := range set {
		if !t.SetTrigger(key, arn) {
			return fmt.Errorf("%s is not a trigger", key)
		}
		if arn == "" {
			rm["user_pool.triggers."+key] = true
		}
	}
	s.in.LambdaConfig = overlayTriggers(s.in.LambdaConfig, t, rm)
	if _, err := api.UpdateUserPool(ctx, &s.in); err != nil {
		return fmt.Errorf("setting the triggers of user pool %s: %w", poolID, err)
	}
	return nil
}
