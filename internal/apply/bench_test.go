package apply_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
)

// BenchmarkApplyFullConfig applies FullConfig to a fresh pool in
// cognito-local and then applies it again. It reports the calls the first
// apply made (reads included: finding the pool by tag, the read-back that
// verifies), its write calls against the minimum a create needs (pool,
// MFA, two clients, two groups, and the record of the clients' ids), and
// the write calls of the second apply,
// which must be 0. ns/op is the wall time of the first apply.
func BenchmarkApplyFullConfig(b *testing.B) {
	s := sharedEmulator(b)
	api, rec := cognitofake.Connect(b, s.Options())
	const minWrites = 7
	var calls, writes, again int
	for i := 0; i < b.N; i++ {
		cfg := cognitofake.FullConfig(fmt.Sprintf("Bench%d", i))
		rec.Reset()
		_, res, err := applyOnce(b, api, cfg)
		if err != nil {
			b.Fatal(err)
		}
		calls += len(rec.Calls())
		writes += len(rec.Writes())

		b.StopTimer()
		rec.Reset()
		if _, _, err := applyOnce(b, api, cfg); err != nil {
			b.Fatal(err)
		}
		again += len(rec.Writes())
		// Remove the pool so that finding the next one by tag costs the same.
		if _, err := api.DeleteUserPool(context.Background(), &cip.DeleteUserPoolInput{UserPoolId: aws.String(res.PoolID)}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	if again != 0 {
		b.Errorf("the second apply made %d write calls", again)
	}
	b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
	b.ReportMetric(float64(writes)/float64(b.N), "writes/op")
	b.ReportMetric(minWrites, "min-writes/op")
	b.ReportMetric(float64(again)/float64(b.N), "reapply-writes/op")
}
