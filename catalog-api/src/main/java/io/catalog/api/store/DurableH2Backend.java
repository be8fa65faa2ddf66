package io.catalog.api.store;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend, whose file is otherwise written about once a second: a write command is committed
 * to the file before it is answered, on the thread that made it, so a killed process loses nothing acknowledged
 * (the operating system keeps what was written; a MongoDB server journals on its own). Commits are grouped: a
 * write that a commit begun after it already stored does not commit again. Its page cache is sized by the caller:
 * H2's default (16 MB) holds a few hundred datasets with their file lists, and every write beyond reads (and
 * deserialises) the page it goes into from the file. Answers like a MongoDB replica set where the wire server alone
 * does not: batches stay under 16 MB ({@link BoundedBatches}), and its oplog ({@link ChangeLog}) serves change
 * streams, with each answer's {@code operationTime}.
 */
class DurableH2Backend extends H2Backend {

	/** The commands that change data, in lower case (command names are matched without regard to case). */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
			"drop", "dropdatabase", "renamecollection", "create");

	/** Writes the oplog keeps for change streams to resume from. */
	static final int CHANGES_KEPT = 100_000;

	private final Object commits = new Object();

	private long committedBelow;

	/**
	 * A backend on the file ({@code null}: in memory only), keeping up to {@code cacheMegabytes} of its pages in
	 * memory.
	 */
	DurableH2Backend(String fileName, int cacheMegabytes) {
		super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
	}

	@Override
	protected Oplog createOplog() {
		return new ChangeLog(CHANGES_KEPT, getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		var answer = super.handleCommand(channel, database, command, query);
		var name = command.toLowerCase(Locale.ROOT);
		if (WRITES.contains(name)) {
			commitVersion(getMvStore().getCurrentVersion());
		}
		if (name.equals("find") || name.equals("aggregate") || name.equals("getmore")) {
			BoundedBatches.bound(answer, getCursorRegistry());
		}
		if (oplog instanceof ChangeLog changes) {
			answer.put("operationTime", changes.operationTime());
		}
		return answer;
	}

	/** Stores every change of the given version and before, unless a commit since has. */
	private void commitVersion(long version) {
		synchronized (commits) {
			if (committedBelow <= version) {
				committedBelow = getMvStore().commit();
			}
		}
	}

}
