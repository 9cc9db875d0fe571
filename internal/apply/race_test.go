package apply_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
)

// Two applies of one new file, started at the same moment against
// cognito-local (whose creation dates are whole seconds, so the two pools
// usually tie), many times over: each time exactly one pool is left; a run
// that stops does so because it met the other one, and says so; and one
// more apply afterwards finishes with one of everything.
func TestTwoAppliesAtOnceLeaveOnePool(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	const trials = 10
	// Fresh names each run, so that -count=N runs N times as many trials.
	run := time.Now().UnixNano() % 1e6
	name := func(i int) string { return fmt.Sprintf("Race%d-%02d", run, i) }
	errs := make([][2]error, trials)
	var wg sync.WaitGroup
	for i := 0; i < trials; i++ {
		start := make(chan struct{})
		for k := 0; k < 2; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				api, _ := cognitofake.Connect(t, s.Options())
				cfg := cognitofake.FullConfig(name(i))
				cfg.UserPool.MFA = nil
				<-start
				_, _, errs[i][k] = applyOnceWith(t, api, cfg, 0)
			}()
		}
		close(start)
	}
	wg.Wait()
	api, _ := cognitofake.Connect(t, s.Options())
	pools, clients := 0, 0
	for i := 0; i < trials; i++ {
		cfg := cognitofake.FullConfig(name(i))
		cfg.UserPool.MFA = nil
		// A run that stops does so because it met the other one, and says so.
		for _, err := range errs[i] {
			var lost *apply.RaceLostError
			switch {
			case errors.As(err, &lost):
				if lost.What == "user pool" {
					pools++
				} else {
					clients++
				}
			case err != nil:
				t.Errorf("trial %d: %v", i, err)
			}
		}
		exactlyOnePool(t, api, cfg)
		if _, _, err := applyOnce(t, api, cfg); err != nil {
			t.Fatalf("trial %d: the apply after: %v", i, err)
		}
		exactlyOne(t, api, cfg)
	}
	t.Logf("%d trials: %d runs stopped after a pool made at the same moment, %d after a client", trials, pools, clients)
}
