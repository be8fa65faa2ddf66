package io.catalog.archive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blocks as objects of an S3 bucket (AWS SDK v2, path-style addressing so any S3 works: Ceph RGW, MinIO, S3Proxy).
 * A block up to one part is one PUT; a larger one a multipart upload of parts of {@code partSize} bytes (one part in
 * memory at a time), which S3 shows only once completed. Unfinished uploads under a prefix are aborted by
 * {@link #deleteAll}.
 */
public final class S3Store implements BlockStore {

	private static final int MIN_PART = 5 * 1024 * 1024;

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final int partSize;

	public S3Store(S3Client s3, String bucket, String prefix, long partSize) throws IOException {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
		this.partSize = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(MIN_PART, partSize));
		ensureBucket();
	}

	/** A client for {@code endpoint} (empty: AWS), with static keys when given, else the SDK's default chain. */
	public static S3Client client(String endpoint, String region, String accessKey, String secretKey) {
		var builder = S3Client.builder().region(Region.of(region)).forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(accessKey == null || accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
					: StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
		if (endpoint != null && !endpoint.isBlank()) {
			builder.endpointOverride(URI.create(endpoint));
		}
		return builder.build();
	}

	private void ensureBucket() throws IOException {
		try {
			s3.headBucket(b -> b.bucket(bucket));
		}
		catch (NoSuchBucketException missing) {
			create();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw new IOException("cannot reach bucket " + bucket + ": " + ex.getMessage(), ex);
			}
			create();
		}
		catch (SdkException ex) {
			throw new IOException("cannot reach bucket " + bucket + ": " + ex.getMessage(), ex);
		}
	}

	private void create() throws IOException {
		try {
			s3.createBucket(b -> b.bucket(bucket));
		}
		catch (SdkException ex) {
			throw new IOException("cannot create bucket " + bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Upload create(String name) {
		return new MultipartUpload(key(name));
	}

	@Override
	public InputStream open(String name) throws IOException {
		try {
			return s3.getObject(b -> b.bucket(bucket).key(key(name)));
		}
		catch (SdkException ex) {
			throw new IOException("cannot read " + name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean exists(String name) throws IOException {
		try {
			s3.headObject(b -> b.bucket(bucket).key(key(name)));
			return true;
		}
		catch (NoSuchKeyException missing) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw new IOException("cannot look up " + name + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException("cannot look up " + name + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> list(String folder) throws IOException {
		try {
			return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key(folder))).contents().stream()
				.map(S3Object::key).map(key -> key.substring(prefix.length())).sorted().toList();
		}
		catch (SdkException ex) {
			throw new IOException("cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void deleteAll(String folder) throws IOException {
		try {
			for (var name : list(folder)) {
				s3.deleteObject(b -> b.bucket(bucket).key(key(name)));
			}
			s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key(folder))).uploads()
				.forEach(upload -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key())
					.uploadId(upload.uploadId())));
		}
		catch (SdkException ex) {
			throw new IOException("cannot delete " + folder + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String describe() {
		return "s3://" + bucket + "/" + prefix;
	}

	private String key(String name) {
		return prefix + name;
	}

	/** One object: a PUT when it fits in one part, else a multipart upload. */
	private final class MultipartUpload extends Upload {

		private final String key;

		private final List<CompletedPart> parts = new ArrayList<>();

		private byte[] buffer = new byte[Math.min(partSize, 1 << 20)];

		private int filled;

		private String uploadId;

		private boolean done;

		MultipartUpload(String key) {
			this.key = key;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int off, int len) throws IOException {
			while (len > 0) {
				if (filled == partSize) {
					sendPart();
				}
				if (filled == buffer.length) {
					buffer = Arrays.copyOf(buffer, Math.min(partSize, buffer.length * 2));
				}
				int n = Math.min(len, buffer.length - filled);
				System.arraycopy(bytes, off, buffer, filled, n);
				filled += n;
				off += n;
				len -= n;
			}
		}

		private void sendPart() throws IOException {
			try {
				if (uploadId == null) {
					uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
				}
				int number = parts.size() + 1;
				var answer = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
						RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
				parts.add(CompletedPart.builder().partNumber(number).eTag(answer.eTag()).build());
				filled = 0;
			}
			catch (SdkException ex) {
				abort();
				throw new IOException("cannot upload " + key + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() throws IOException {
			if (done) {
				return;
			}
			try {
				if (uploadId == null) {
					s3.putObject(b -> b.bucket(bucket).key(key),
							RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
				}
				else {
					if (filled > 0) {
						sendPart();
					}
					s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
						.multipartUpload(m -> m.parts(parts)));
				}
				done = true;
			}
			catch (SdkException ex) {
				abort();
				throw new IOException("cannot upload " + key + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public void abort() {
			done = true;
			if (uploadId != null) {
				try {
					s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
				}
				catch (SdkException ignored) {
					// deleteAll aborts it later
				}
			}
		}

	}

}
