// Type-checks the generated SDK the way a script would use it: sign in, create a dataset, query it.
import { AuthApi, Configuration, DatasetsApi } from "../target/generated-sources/typescript/src";
import type { CreateRawDataset, Dataset } from "../target/generated-sources/typescript/src";

export async function tour(basePath: string, username: string, password: string): Promise<Dataset[]> {
  const login = await new AuthApi(new Configuration({ basePath })).login({ credentials: { username, password } });
  const datasets = new DatasetsApi(new Configuration({ basePath, accessToken: login.accessToken }));
  const raw: CreateRawDataset = {
    type: "raw", ownerGroup: "group1", owner: "Ada", contactEmail: "ada@facility.example",
    sourceFolder: "/data/run1", creationTime: new Date(), principalInvestigator: "Ada", creationLocation: "/beamline",
  };
  await datasets.createDataset({ createDatasetRequest: raw });
  return datasets.listDatasets({ filter: JSON.stringify({ where: { ownerGroup: "group1" }, limits: { limit: 10 } }) });
}
