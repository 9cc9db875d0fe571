//go:build acceptance

package apply_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
)

// TestAcceptanceRealCognito runs the apply cycle against real AWS: create,
// plan clean, a one-field update that keeps everything else, a blocked
// change that makes no call, and delete. See docs/acceptance.md.
func TestAcceptanceRealCognito(t *testing.T) {
	if os.Getenv("COGWIZ_ACCEPTANCE") != "1" {
		t.Skip("set COGWIZ_ACCEPTANCE=1 (and AWS credentials and region) to run against real Cognito")
	}
	ctx := context.Background()
	api, rec := cognitofake.Connect(t, cognito.Options{Profile: os.Getenv("AWS_PROFILE"), Region: os.Getenv("AWS_REGION")})
	cfg := cognitofake.FullConfig(fmt.Sprintf("cogwiz-acceptance-%d", time.Now().Unix()))
	cfg.UserPool.Triggers = nil // no Lambda function exists for it
	cfg.UserPool.DeletionProtection = config.Bool(false)

	_, res := mustApply(t, api, cfg)
	t.Cleanup(func() {
		sum, err := cognito.DescribePool(ctx, api, res.PoolID)
		if err == nil {
			err = cognito.DeletePool(ctx, api, res.PoolID, sum.Domain)
		}
		if err != nil {
			t.Errorf("deleting %s: %v — delete it by hand", res.PoolID, err)
		}
	})

	rec.Reset()
	p, _ := mustApply(t, api, cfg)
	if p.HasChanges() || len(rec.Writes()) != 0 {
		t.Fatalf("second apply: %+v, writes %v", p.Changes, rec.Ops())
	}

	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(14)
	rec.Reset()
	mustApply(t, api, cfg)
	if w := rec.Writes(); len(w) != 1 || w[0].Op != "UpdateUserPool" {
		t.Errorf("one-field update wrote %v", rec.Ops())
	}

	cfg.UserPool.SignIn.CaseSensitive = config.Bool(true)
	rec.Reset()
	if _, _, err := applyOnce(t, api, cfg); err == nil || len(rec.Writes()) != 0 {
		t.Errorf("blocked change: err %v, writes %v", err, rec.Ops())
	}
}
