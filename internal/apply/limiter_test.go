package apply

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/config"
)

func TestLimiterSpacesCallsPerCategory(t *testing.T) {
	t.Parallel()
	l := newLimiter(50) // 20ms apart
	ctx := context.Background()
	start := time.Now()
	for i := 0; i < 4; i++ {
		if err := l.wait(ctx, catPool); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("4 calls in one category took %v, want at least 60ms", d)
	}
	start = time.Now()
	if err := l.wait(ctx, catClient); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 15*time.Millisecond {
		t.Errorf("another category waited %v", d)
	}
}

func TestLambdaPermissionCommands(t *testing.T) {
	t.Parallel()
	arn := "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc"
	cmds := LambdaPermissionCommands(&config.Triggers{PreSignUp: "arn:aws:lambda:eu-west-1:111122223333:function:f", PostConfirmation: "arn:aws:lambda:eu-west-1:111122223333:function:f"}, arn)
	if len(cmds) != 1 {
		t.Fatalf("one command per function, got %q", cmds)
	}
	for _, want := range []string{"--function-name arn:aws:lambda:eu-west-1:111122223333:function:f", "--statement-id cognito-eu-west-1_abc", "--principal cognito-idp.amazonaws.com", "--source-arn " + arn, "--source-account 111122223333"} {
		if !strings.Contains(cmds[0], want) {
			t.Errorf("%q lacks %q", cmds[0], want)
		}
	}
}
